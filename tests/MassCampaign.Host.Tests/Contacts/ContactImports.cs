using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Host.Tests.Contacts;

/// <summary>Posting import bodies and reading back what they stored.</summary>
internal static class ContactImports
{
    public static Task<HttpResponseMessage> PostCsvAsync(RunningHost host, Guid campaign, string csv) =>
        host.Client.PostAsync($"/api/campaigns/{campaign}/contacts", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static Task<HttpResponseMessage> PostJsonAsync(RunningHost host, Guid campaign, string json) =>
        host.Client.PostAsync($"/api/campaigns/{campaign}/contacts", new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> ResultAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    public static IReadOnlyList<(long Row, string? Phone, string Reason)> Rejections(JsonElement result) =>
        result.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt64(), r.GetProperty("phone").GetString(), r.GetProperty("reason").GetString()!))
            .ToList();

    /// <summary>zone_key of each recipient of the campaign, by E.164 number.</summary>
    public static async Task<Dictionary<string, string>> ZoneKeysAsync(RunningHost host, Guid campaign)
    {
        await using var command = host.Database.DataSource.CreateCommand(
            "SELECT phone_e164, zone_key FROM campaign_recipients WHERE campaign_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = campaign });
        var keys = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys[reader.GetString(0)] = reader.GetString(1);
        }

        return keys;
    }

    public static async Task<(string? FirstName, string? LastName, string? TimeZone, JsonElement Attributes)> ContactAsync(
        RunningHost host, string e164)
    {
        await using var command = host.Database.DataSource.CreateCommand(
            "SELECT first_name, last_name, time_zone, attributes::text, jsonb_typeof(attributes) FROM contacts WHERE phone_e164 = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = e164 });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no contact {e164}");
        Assert.Equal("object", reader.GetString(4));
        return (Nullable(reader, 0), Nullable(reader, 1), Nullable(reader, 2), JsonSerializer.Deserialize<JsonElement>(reader.GetString(3)));
    }

    public static async Task<long> RecipientCountAsync(RunningHost host, Guid campaign)
    {
        await using var command = host.Database.DataSource.CreateCommand("SELECT count(*) FROM campaign_recipients WHERE campaign_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = campaign });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string? Nullable(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Host.Tests.Campaigns;

/// <summary>Valid campaign bodies and shortcuts for creating campaigns and forcing their status in tests.</summary>
internal static class TestCampaigns
{
    public static Dictionary<string, object?> SmsBody(string timeZone = "America/New_York") => new()
    {
        ["name"] = "Spring sale",
        ["type"] = "sms",
        ["smsTemplate"] = "Hi {{first_name|there}}, 20% off this week. Reply STOP to opt out.",
        ["from"] = "Acme",
        ["callingWindow"] = new Dictionary<string, object?>
        {
            ["days"] = new[] { "Mon", "Tue", "Wed", "Thu", "Fri" },
            ["start"] = "09:00",
            ["end"] = "20:00",
            ["timeZone"] = timeZone,
        },
        ["settings"] = new Dictionary<string, object?> { ["retry"] = new { maxAttempts = 3, afterMinutes = 10 }, ["note"] = "test" },
    };

    public static async Task<Guid> CreateAsync(RunningHost host, string timeZone = "America/New_York")
    {
        var response = await host.Client.PostAsJsonAsync("/api/campaigns", SmsBody(timeZone));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }

    public static async Task SetStatusAsync(RunningHost host, Guid id, string status)
    {
        await using var command = host.Database.DataSource.CreateCommand("UPDATE campaigns SET status = $1 WHERE id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

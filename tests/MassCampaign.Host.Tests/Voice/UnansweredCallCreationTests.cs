using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Voice;

/// <summary>
/// Call creations whose answer never came back, through the real host and the Simulator's <c>lostByNumber</c>: a call
/// Vonage created whose events were all lost too is found among the account's calls, its outcome taken from there and
/// the number never rung again (a failed call would be retried); a request that never created a call is made again,
/// once, as the unknown policy says.
/// </summary>
[Collection(nameof(VoiceCampaignTests))]
public sealed class UnansweredCallCreationTests
{
    private const string Script = "Hello {{first_name}}, this is your reminder call.";

    [Fact]
    public async Task A_call_created_unanswered_and_unheard_of_is_found_at_the_provider_and_not_made_again()
    {
        await using var host = await VoiceHost.StartAsync(40);
        var phones = Enumerable.Range(24_000, 6).Select(TestPhoneNumbers.Us).ToArray();
        var lost = phones[0];
        var neverCreated = phones[1];
        await host.ConfigureSimulatorAsync(new
        {
            voice = new
            {
                // A machine call fetches its NCCO but posts nothing back: only the provider knows how it went.
                outcomeByNumber = phones.ToDictionary(p => p.TrimStart('+'), p => p == lost ? "machine" : "busy"),
                lostByNumber = new Dictionary<string, string> { [lost.TrimStart('+')] = "both", [neverCreated.TrimStart('+')] = "request" },
            },
        });
        var id = await host.CreateAsync(VoiceHost.Campaign("voice", Script, new
        {
            unknownResolveAfter = "PT3S",
            voice = new { retry = new { failed = new { maxAttempts = 2, afterMinutes = 0.02 } } },
        }), phones);

        await host.Api.StartAsync(id);
        await host.WaitForStatusAsync(id, s => s.RuntimeStatus == "Completed", "the voice campaign completes", TimeSpan.FromMinutes(2));

        var stats = await host.SimulatorStatsAsync();
        var called = stats.GetProperty("callsByRecipient").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.All(phones, p => Assert.Equal(1, called.GetValueOrDefault(p)));

        var attempts = await CallsToAsync(host, id, neverCreated);
        Assert.Equal(["not_created", "busy"], attempts.Select(a => a.Status));
        Assert.Null(attempts[0].CallUuid);
        Assert.NotNull(attempts[1].CallUuid);

        await using var query = host.Host.Database.DataSource.CreateCommand("""
            SELECT c.call_uuid, c.status, r.status, r.outcome FROM calls c JOIN campaign_recipients r ON r.id = c.recipient_id
            WHERE c.campaign_id = @id AND c.to_phone = @phone
            """);
        query.Parameters.AddWithValue("id", id);
        query.Parameters.AddWithValue("phone", lost);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var (callUuid, callStatus, recipientStatus, outcome) =
            (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        Assert.False(await reader.ReadAsync());
        Assert.NotNull(callUuid);
        Assert.Equal("completed", callStatus);
        Assert.True(recipientStatus != "failed", $"the found call's outcome was taken as {recipientStatus} ({outcome})");
    }

    private static async Task<List<(string? CallUuid, string Status)>> CallsToAsync(VoiceHost host, Guid campaignId, string phone)
    {
        await using var query = host.Host.Database.DataSource.CreateCommand(
            "SELECT call_uuid, status FROM calls WHERE campaign_id = @id AND to_phone = @phone ORDER BY created_at, id");
        query.Parameters.AddWithValue("id", campaignId);
        query.Parameters.AddWithValue("phone", phone);
        await using var reader = await query.ExecuteReaderAsync();
        var calls = new List<(string?, string)>();
        while (await reader.ReadAsync())
        {
            calls.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1)));
        }

        return calls;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>
/// A campaign whose slot release failed as it ended does not keep its slot: with one SMS slot, the next campaign
/// still runs, and the gate stops listing the ended one once it checks its holders.
/// </summary>
public sealed class GateLeakTests
{
    private static readonly Dictionary<string, string?> OneSmsSlot = new()
    {
        ["massCampaign:concurrency:sms"] = "1",
        ["massCampaign:rateLimits:smsRequestsPerSecond"] = "100",
    };

    [Fact]
    public async Task A_campaign_whose_release_failed_at_completion_does_not_block_the_next_one_after_a_restart()
    {
        await using var before = await LifecycleHost.StartAsync(OneSmsSlot);
        var leaked = await before.Seed.SmsCampaignAsync(recipients: 3);
        (await before.CommandAsync(leaked.Id, "start")).Dispose();
        await FailGateWritesAsync(before);
        var completed = await before.WaitForStatusAsync(leaked.Id, s => s.Code == HttpStatusCode.OK, "the first campaign completes");
        Assert.Equal("Completed", completed.RuntimeStatus);

        // The release could not be stored: the gate's stored state still lists the ended campaign. A host starting
        // on this database (the first one's silo gone with its memory) reads the gate from there.
        Assert.Contains(leaked.Id.ToString(), await StoredGateAsync(before), StringComparison.OrdinalIgnoreCase);
        await before.Host.Database.DataSource.CreateCommand("DROP TRIGGER fail_gate_writes ON grain_state").ExecuteNonQueryAsync();
        await using var after = await LifecycleHost.StartAsync(new Dictionary<string, string?>(OneSmsSlot)
        {
            ["ConnectionStrings:Postgres"] = before.Host.Database.ConnectionString,
        });
        Assert.Equal([leaked.Id], ActiveSms(await TypesAsync(after)));

        var next = await before.Seed.SmsCampaignAsync(recipients: 5);
        (await after.CommandAsync(next.Id, "start")).Dispose();
        var done = await after.WaitForStatusAsync(next.Id, s => s.Code == HttpStatusCode.OK, "the next campaign runs to the end");

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(5, after.SentTo(next));
        await Eventually.Until(() => TypesAsync(after), types => ActiveSms(types).Length == 0, "the gate lists no campaign");
        Assert.DoesNotContain(leaked.Id.ToString(), await StoredGateAsync(before), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>From here on every write of a gate's state fails, as a database fault during a release would.</summary>
    private static async Task FailGateWritesAsync(LifecycleHost lifecycle)
    {
        await using var command = lifecycle.Host.Database.DataSource.CreateCommand("""
            CREATE FUNCTION fail_gate_write() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'gate writes fail in this test'; END $$;
            CREATE TRIGGER fail_gate_writes BEFORE UPDATE ON grain_state
            FOR EACH ROW WHEN (NEW.state_name = 'gate') EXECUTE FUNCTION fail_gate_write();
            """);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StoredGateAsync(LifecycleHost lifecycle)
    {
        await using var command = lifecycle.Host.Database.DataSource.CreateCommand(
            "SELECT string_agg(payload::text, ' ') FROM grain_state WHERE state_name = 'gate'");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<JsonElement> TypesAsync(LifecycleHost lifecycle) =>
        await lifecycle.Client.GetFromJsonAsync<JsonElement>("/api/campaign-types");

    private static Guid[] ActiveSms(JsonElement types) =>
        [.. types.EnumerateArray().Single(type => type.GetProperty("type").GetString() == "sms")
            .GetProperty("active").EnumerateArray().Select(id => id.GetGuid())];
}

using MassCampaign.Data.Sending;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Data.Tests.Sending;

/// <summary>
/// The plan PostgreSQL picks for a claim once a zone is used up and later campaigns hold higher ids: the zone's
/// cursor must be a starting point in the claim index, not a place to read the primary key on from.
/// </summary>
public sealed class ClaimPlanTests(PostgresDatabase database) : SendPathTestBase(database)
{
    [Fact]
    public async Task A_claim_reads_each_zone_from_its_cursor_in_the_claim_index()
    {
        var campaign = await Seed.CampaignAsync();
        await Seed.RecipientsAsync(campaign, 3_000, "Europe/London");
        await Seed.RecipientsAsync(campaign, 3_000);
        var later = await Seed.CampaignAsync("Later");
        await Seed.RecipientsAsync(later, 30_000);
        while ((await Repository.ClaimBatchAsync(campaign, ["Europe/London"], 500, Now, default)).Count > 0)
        {
        }

        await using (var analyze = Database.DataSource.CreateCommand("ANALYZE campaign_recipients"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var plan = await ExplainClaimAsync(campaign, ["Europe/London", "America/New_York"]);

        Assert.DoesNotContain("Index Scan using campaign_recipients_pkey on campaign_recipients r ", plan, StringComparison.Ordinal);
        Assert.Contains("campaign_recipients_claim_idx", plan, StringComparison.Ordinal);
    }

    private async Task<string> ExplainClaimAsync(Guid campaign, string[] openZones)
    {
        await using var command = Database.DataSource.CreateCommand("EXPLAIN " + SendPathSql.Claim);
        command.Parameters.AddWithValue("campaign_id", campaign);
        command.Parameters.AddWithValue("open_zone_keys", openZones);
        command.Parameters.AddWithValue("limit", 500);
        command.Parameters.AddWithValue("now", Now);
        command.Parameters.AddWithValue("batch_id", Guid.NewGuid());
        command.Parameters.AddWithValue("follow_up", false);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}

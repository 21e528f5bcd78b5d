using MassCampaign.Data.Sending;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Data.Tests.Sending;

/// <summary>
/// The plan PostgreSQL picks for writing a batch's outcomes when its statistics still describe the campaign as
/// imported (every recipient pending), as they do for most of a running campaign between autovacuum runs.
/// </summary>
public sealed class OutcomePlanTests(PostgresDatabase database) : SendPathTestBase(database)
{
    [Fact]
    public async Task Outcomes_find_their_recipients_by_primary_key_one_per_outcome()
    {
        var campaign = await Seed.CampaignAsync();
        await Seed.RecipientsAsync(campaign, 20_000);
        await using (var analyze = Database.DataSource.CreateCommand("ANALYZE campaign_recipients"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var claimed = await Repository.ClaimBatchAsync(campaign, NewYork, 500, Now, default);
        var outcomes = claimed.Select(c => TestOutcomes.Accepted(c, campaign, new SentPart("P-" + c.RecipientId, 0, 0.03m))).ToArray();

        var plan = await ExplainAsync(new OutcomeColumns(outcomes).UpdateRecipients(Now, new BatchSettlement(claimed[0].BatchId, TimeSpan.FromMinutes(15))));

        Assert.False(plan.Contains("campaign_recipients_status_idx", StringComparison.Ordinal), plan);
        Assert.True(plan.Contains("Index Scan using campaign_recipients_pkey", StringComparison.Ordinal), plan);
        // The outcomes drive the join: they are read once, not once for every recipient.
        Assert.True(plan.IndexOf("Function Scan on o", StringComparison.Ordinal) < plan.IndexOf("campaign_recipients_pkey", StringComparison.Ordinal), plan);
    }

    /// <summary>The plan in the write's own transaction settings.</summary>
    private async Task<string> ExplainAsync(NpgsqlBatchCommand statement)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var setting in OutcomeSql.UseIndexes)
        {
            await using var settings = new NpgsqlCommand(setting, connection, transaction);
            await settings.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("EXPLAIN " + statement.CommandText, connection, transaction);
        foreach (NpgsqlParameter parameter in statement.Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}

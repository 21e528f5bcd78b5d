using MassCampaign.Data.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Sending;

/// <summary>
/// The recipient counters (migration 0016) against a recount of the rows: after inserts, concurrent status changes
/// from many connections, rolled-back transactions, deletes and compaction at any moment.
/// </summary>
public sealed class RecipientCountersTests(PostgresDatabase database) : SendPathTestBase(database)
{
    private static readonly string[] Statuses = ["pending", "sending", "sent", "delivered", "failed", "unknown", "expired"];

    [Fact]
    public async Task Counters_equal_a_recount_through_concurrent_changes_rollbacks_deletes_and_compaction()
    {
        var counters = new RecipientCounters(Database.DataSource);
        var campaign = await Seed.CampaignAsync();
        var other = await Seed.CampaignAsync("Other");
        await Seed.RecipientsAsync(campaign, 4_000);
        await Seed.RecipientsAsync(other, 500);
        Assert.Equal(4_000, (await counters.CountedAsync(campaign, default)).Total);

        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (var round = 0; round < 40; round++)
            {
                await using var connection = await Database.DataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = """
                    UPDATE campaign_recipients
                    SET status = @status, resolve_by = CASE WHEN @unresolved THEN now() END, segments = @segments, price = 0.01,
                        sent_at = now()
                    WHERE campaign_id = @campaign AND id % 97 = @slice
                    """;
                update.Parameters.AddWithValue("status", Statuses[random.Next(Statuses.Length)]);
                update.Parameters.AddWithValue("unresolved", random.Next(2) == 0);
                update.Parameters.AddWithValue("segments", random.Next(1, 4));
                update.Parameters.AddWithValue("campaign", campaign);
                update.Parameters.AddWithValue("slice", random.Next(97));
                await update.ExecuteNonQueryAsync();
                if (round % 5 == 4)
                {
                    await transaction.RollbackAsync();
                }
                else
                {
                    await transaction.CommitAsync();
                }

                if (round % 7 == 0)
                {
                    await counters.CompactAsync(50, default);
                }
            }
        })).ToArray();
        await Task.WhenAll(writers);

        Assert.Equal(await counters.RecountAsync(campaign, default), await counters.CountedAsync(campaign, default));
        await using (var delete = Database.DataSource.CreateCommand("DELETE FROM campaign_recipients WHERE campaign_id = @c AND id % 3 = 0"))
        {
            delete.Parameters.AddWithValue("c", campaign);
            await delete.ExecuteNonQueryAsync();
        }

        Assert.Equal(await counters.RecountAsync(campaign, default), await counters.CountedAsync(campaign, default));
        while (await counters.CompactAsync(100, default) == 100)
        {
        }

        Assert.Equal(await counters.RecountAsync(campaign, default), await counters.CountedAsync(campaign, default));
        Assert.Equal(await counters.RecountAsync(other, default), await counters.CountedAsync(other, default));
        Assert.Equal(500, (await counters.CountedAsync(other, default)).Pending);
        await using var left = Database.DataSource.CreateCommand("SELECT count(*) FROM campaign_recipient_count_deltas");
        Assert.Equal(0L, (long)(await left.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_deleted_campaign_leaves_no_counters_behind()
    {
        var counters = new RecipientCounters(Database.DataSource);
        var campaign = await Seed.CampaignAsync();
        await Seed.RecipientsAsync(campaign, 100);

        await using (var delete = Database.DataSource.CreateCommand("DELETE FROM campaigns WHERE id = @c"))
        {
            delete.Parameters.AddWithValue("c", campaign);
            await delete.ExecuteNonQueryAsync();
        }

        await using var left = Database.DataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM campaign_recipient_counts WHERE campaign_id = @c)
                 + (SELECT count(*) FROM campaign_recipient_count_deltas WHERE campaign_id = @c)
            """);
        left.Parameters.AddWithValue("c", campaign);
        Assert.Equal(0L, (long)(await left.ExecuteScalarAsync())!);
        Assert.Equal(0, (await counters.CountedAsync(campaign, default)).Total);
    }
}

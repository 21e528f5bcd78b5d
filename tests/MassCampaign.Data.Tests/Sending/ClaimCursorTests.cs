using MassCampaign.Data.Contacts;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Data.Tests.Sending;

/// <summary>
/// The claim reads each zone from where earlier claims got to. These pin that nothing pending is ever passed over for
/// good: not a row another transaction held, not a row that committed below the cursor.
/// </summary>
public sealed class ClaimCursorTests(PostgresDatabase database) : SendPathTestBase(database)
{
    [Fact]
    public async Task A_claim_leaves_the_zone_cursor_on_the_last_recipient_it_took()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 5);

        await Repository.ClaimBatchAsync(campaign, NewYork, 2, Now, default);

        Assert.Equal(recipients[1].Id, await CursorAsync(campaign, "America/New_York"));
        var next = await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default);
        Assert.Equal(recipients.Skip(2).Select(r => r.Id), next.Select(c => c.RecipientId));
    }

    [Fact]
    public async Task A_claim_over_several_zones_takes_at_most_twice_its_even_share_from_one_zone()
    {
        var campaign = await Seed.CampaignAsync();
        string[] zones = ["America/Chicago", "America/Denver", "America/New_York", "Europe/London"];
        var byZone = new List<IReadOnlyList<SeededRecipient>>();
        foreach (var zone in zones)
        {
            byZone.Add(await Seed.RecipientsAsync(campaign, 20, zone));
        }

        // A share of 8 over 4 zones is 2; each zone offers 4, and the lowest ids of those are the first two zones'.
        var claimed = await Repository.ClaimBatchAsync(campaign, zones, 8, Now, default);

        Assert.Equal(byZone[0].Take(4).Concat(byZone[1].Take(4)).Select(r => r.Id), claimed.Select(c => c.RecipientId));
        var rest = await Repository.ClaimBatchAsync(campaign, zones, 100, Now, default);
        Assert.Equal(80 - 8, rest.Count);
    }

    [Fact]
    public async Task A_recipient_another_transaction_holds_is_claimed_once_it_is_free()
    {
        var campaign = await Seed.CampaignAsync();
        var recipients = await Seed.RecipientsAsync(campaign, 4);

        await using (var holder = await Database.DataSource.OpenConnectionAsync())
        await using (var hold = await holder.BeginTransactionAsync())
        {
            await using var lockRow = new NpgsqlCommand("SELECT 1 FROM campaign_recipients WHERE id = @id FOR UPDATE", holder, hold);
            lockRow.Parameters.AddWithValue("id", recipients[1].Id);
            await lockRow.ExecuteNonQueryAsync();

            var first = await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default);
            Assert.Equal([recipients[0].Id, recipients[2].Id, recipients[3].Id], first.Select(c => c.RecipientId));
            // Held back below the row it could not lock, though it took rows past it.
            Assert.InRange(await CursorAsync(campaign, "America/New_York") ?? 0, recipients[0].Id, recipients[1].Id - 1);
            await hold.CommitAsync();
        }

        var second = await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default);
        Assert.Equal([recipients[1].Id], second.Select(c => c.RecipientId));
    }

    [Fact]
    public async Task A_recipient_that_commits_below_the_cursor_is_claimed_once_the_cursors_are_rewound()
    {
        var campaign = await Seed.CampaignAsync();
        await using var late = await Database.DataSource.OpenConnectionAsync();
        await using var lateImport = await late.BeginTransactionAsync();
        var lateId = await InsertRecipientAsync(late, lateImport, campaign);
        var early = await Seed.RecipientAsync(campaign);
        Assert.True(lateId < early.Id);

        Assert.Equal([early.Id], (await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default)).Select(c => c.RecipientId));
        await lateImport.CommitAsync();
        Assert.Empty(await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default));
        Assert.Empty(await Repository.PendingZoneKeysAsync(campaign, Now, default));

        await Repository.RewindClaimCursorsAsync(campaign, default);

        Assert.Equal(["America/New_York"], await Repository.PendingZoneKeysAsync(campaign, Now, default));
        Assert.Equal([lateId], (await Repository.ClaimBatchAsync(campaign, NewYork, 10, Now, default)).Select(c => c.RecipientId));
    }

    [Fact]
    public async Task An_import_session_rewinds_the_cursors_of_its_campaign_to_what_is_left_only()
    {
        var campaign = await Seed.CampaignAsync();
        var other = await Seed.CampaignAsync("Other");
        var mine = await Seed.RecipientsAsync(campaign, 3);
        var london = await Seed.RecipientsAsync(campaign, 2, "Europe/London");
        var theirs = await Seed.RecipientsAsync(other, 2);
        await Repository.ClaimBatchAsync(campaign, ["America/New_York", "Europe/London"], 10, Now, default);
        await Repository.ClaimBatchAsync(other, NewYork, 10, Now, default);
        // A recipient left pending below the cursor with no retry time, as no path of the engine leaves one.
        await Seed.SetStatusAsync(mine[1].Id, "pending");

        await using (var session = await new ContactImportStore(Database.DataSource, Clock).OpenAsync(campaign, default))
        {
            await session.RewindClaimCursorsAsync(default);
        }

        Assert.Equal(mine[1].Id - 1, await CursorAsync(campaign, "America/New_York"));
        Assert.Equal(london[1].Id, await CursorAsync(campaign, "Europe/London"));
        Assert.Equal(theirs[1].Id, await CursorAsync(other, "America/New_York"));
        var reclaimed = await Repository.ClaimBatchAsync(campaign, ["America/New_York", "Europe/London"], 10, Now, default);
        Assert.Equal([mine[1].Id], reclaimed.Select(c => c.RecipientId));
    }

    [Fact]
    public async Task No_index_of_the_recipients_names_the_status_so_status_changes_stay_heap_only()
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'campaign_recipients'");
        var indexes = new List<(string Name, string Definition)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        Assert.Contains(indexes, i => i.Name == "campaign_recipients_claim_idx");
        Assert.All(indexes, i => Assert.DoesNotContain("status", i.Definition, StringComparison.Ordinal));
    }

    private async Task<long?> CursorAsync(Guid campaign, string zoneKey)
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT claimed_through FROM campaign_claim_cursors WHERE campaign_id = @campaign AND zone_key = @zone");
        command.Parameters.AddWithValue("campaign", campaign);
        command.Parameters.AddWithValue("zone", zoneKey);
        return await command.ExecuteScalarAsync() as long?;
    }

    /// <summary>A recipient written by a transaction that has not committed yet, as an import's writer leaves it.</summary>
    private static async Task<long> InsertRecipientAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaign)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH contact AS (
                INSERT INTO contacts (phone_e164) VALUES (@phone)
                RETURNING id, phone_e164)
            INSERT INTO campaign_recipients (campaign_id, contact_id, phone_e164, zone_key)
            SELECT @campaign, id, phone_e164, 'America/New_York' FROM contact
            RETURNING id
            """, connection, transaction);
        command.Parameters.AddWithValue("campaign", campaign);
        command.Parameters.AddWithValue("phone", SendPathSeed.NewPhone());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

using MassCampaign.Data.Receipts;
using MassCampaign.Data.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Receipts;

/// <summary>
/// The sweep that re-applies receipts which arrived before their message: it reaches new receipts whatever piles up
/// before them, and retires (never deletes) those that cannot match, so it stops reading them.
/// </summary>
public sealed class ReceiptSweepTests(PostgresDatabase database) : ReceiptStoreTestBase(database)
{
    private const int Limit = 100;

    private static readonly ReceiptSweep Sweep = new(Limit, RetireAfter: TimeSpan.FromHours(1), MaxAttempts: 50);

    [Fact]
    public async Task Receipts_past_the_cut_off_are_retired_and_a_newer_one_is_applied_by_the_first_sweep()
    {
        var stale = await NeverMatchingAsync(Limit * 2 + 50, receivedAgo: TimeSpan.FromHours(2));
        var (claimed, partId) = await EarlyReceiptOfARecordedMessageAsync();

        var first = await Store.ReapplyUnmatchedAsync(Sweep, default);

        Assert.Equal((1, Limit), (first.Matched, first.Retired));
        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
        Assert.True(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = @id", ("id", partId)));

        Assert.Equal(Limit, (await Store.ReapplyUnmatchedAsync(Sweep, default)).Retired);
        Assert.Equal(50, (await Store.ReapplyUnmatchedAsync(Sweep, default)).Retired);
        Assert.Equal(0, (await Store.ReapplyUnmatchedAsync(Sweep, default)).Retired);
        Assert.Equal(stale.Length, await Seed.ScalarAsync<long>(
            "SELECT count(*) FROM delivery_receipts WHERE provider_message_id = ANY(@ids) AND retired_at IS NOT NULL AND retired_reason = 'unmatched_past_cutoff'",
            ("ids", stale)));
    }

    [Fact]
    public async Task Receipts_that_never_match_do_not_starve_a_newer_one()
    {
        await NeverMatchingAsync(Limit + 50, receivedAgo: TimeSpan.FromMinutes(5));
        var (claimed, _) = await EarlyReceiptOfARecordedMessageAsync();

        await Store.ReapplyUnmatchedAsync(Sweep, default);
        var second = await Store.ReapplyUnmatchedAsync(Sweep, default);

        Assert.Equal((1, 0), (second.Matched, second.Retired));
        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
    }

    [Fact]
    public async Task A_receipt_tried_the_most_times_allowed_is_retired_with_its_reason()
    {
        var sweep = Sweep with { Limit = 10_000, MaxAttempts = 3 };
        var partId = Assert.Single(await NeverMatchingAsync(1, receivedAgo: TimeSpan.Zero));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Store.ReapplyUnmatchedAsync(sweep, default);
            Assert.Equal(attempt, await Seed.ScalarAsync<int>(
                "SELECT reapply_attempts FROM delivery_receipts WHERE provider_message_id = @id", ("id", partId)));
        }

        Assert.Equal("unmatched_after_max_attempts", await Seed.ScalarAsync<string>(
            "SELECT retired_reason FROM delivery_receipts WHERE provider_message_id = @id AND NOT matched", ("id", partId)));
        await Store.ReapplyUnmatchedAsync(sweep, default);
        Assert.Equal(3, await Seed.ScalarAsync<int>("SELECT reapply_attempts FROM delivery_receipts WHERE provider_message_id = @id", ("id", partId)));
    }

    [Fact]
    public async Task A_receipt_past_the_cut_off_whose_message_appeared_is_applied_rather_than_retired()
    {
        var (claimed, partId) = await EarlyReceiptOfARecordedMessageAsync(receivedAgo: TimeSpan.FromHours(3));

        var sweep = await Store.ReapplyUnmatchedAsync(Sweep, default);

        Assert.Equal(1, sweep.Matched);
        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
        Assert.Null(await Seed.ScalarAsync<object>(
            "SELECT retired_reason FROM delivery_receipts WHERE provider_message_id = @id", ("id", partId)) as string);
    }

    /// <returns>The part ids of <paramref name="count"/> receipts for messages this system never sent.</returns>
    private async Task<string[]> NeverMatchingAsync(int count, TimeSpan receivedAgo)
    {
        var ids = Enumerable.Range(0, count).Select(_ => NewPartId()).ToArray();
        await Seed.ExecuteAsync(
            """
            INSERT INTO delivery_receipts (provider_message_id, status, payload, received_at)
            SELECT id, 'delivered', '{}', now() - @ago - n * interval '1 millisecond'
            FROM unnest(@ids::text[]) WITH ORDINALITY AS t(id, n)
            """,
            ("ids", ids), ("ago", receivedAgo));
        return ids;
    }

    /// <summary>A receipt stored unmatched, then its message written by a path that does not fold early receipts itself.</summary>
    private async Task<(ClaimedRecipient Claimed, string PartId)> EarlyReceiptOfARecordedMessageAsync(TimeSpan? receivedAgo = null)
    {
        var (campaign, claimed) = await ClaimOneAsync();
        var partId = NewPartId();
        await Store.StoreAsync([Receipt(partId, claimed.ClientRef, "delivered", "0")], default);
        await Seed.ExecuteAsync(
            """
            UPDATE delivery_receipts SET received_at = now() - @ago WHERE provider_message_id = @part;
            WITH m AS (
                INSERT INTO sms_messages (campaign_id, recipient_id, client_ref, to_phone, sender, body, encoding, segments, status)
                VALUES (@campaign, @recipient, @ref, '+15550000000', 'Acme', 'Hi', 'gsm7', 1, 'accepted') RETURNING id)
            INSERT INTO sms_message_parts (provider_message_id, sms_message_id, part_index) SELECT @part, id, 0 FROM m
            """,
            ("campaign", campaign), ("recipient", claimed.RecipientId), ("ref", claimed.ClientRef), ("part", partId),
            ("ago", receivedAgo ?? TimeSpan.Zero));
        await Seed.SetStatusAsync(claimed.RecipientId, "sent");
        return (claimed, partId);
    }
}

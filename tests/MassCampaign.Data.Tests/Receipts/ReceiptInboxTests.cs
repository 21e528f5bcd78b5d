using MassCampaign.Data.Receipts;
using MassCampaign.Data.Sending;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Data.Tests.Receipts;

/// <summary>
/// Receipts acknowledged into the inbox and applied behind it in batches: repeated, reordered, early, taken by
/// concurrent appliers or by one that fails midway, each ends where receipts applied one by one in order would; one
/// receipt the fold refuses holds up no other.
/// </summary>
public sealed class ReceiptInboxTests(PostgresDatabase database) : ReceiptStoreTestBase(database)
{
    [Fact]
    public async Task A_receipt_in_the_inbox_is_applied_by_the_next_batch_which_empties_the_inbox()
    {
        var (claimed, parts) = await SentAsync(1);

        await Inbox.AppendAsync([Receipt(parts[0], claimed.ClientRef, "delivered", "0", 0.0333m)], default);
        Assert.Equal(("accepted", 1L), (await PartStatusAsync(parts[0]), await InboxCountAsync()));

        Assert.Equal(new InboxBatchResult(1, 0), await Store.ApplyInboxAsync(100, default));

        var recipient = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("delivered", 0.0333m), (recipient.Status, recipient.Price));
        Assert.Equal("delivered", await MessageStatusAsync(claimed));
        Assert.True(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = @id", ("id", parts[0])));
        Assert.Equal(0L, await InboxCountAsync());
    }

    [Fact]
    public async Task Repeated_and_reordered_receipts_end_where_receipts_in_order_do()
    {
        var inOrder = await SentAsync(2);
        var reversed = await SentAsync(2);
        var repeated = await SentAsync(2);

        // One by one, in the order Vonage reports them.
        foreach (var receipt in ReceiptsOf(inOrder))
        {
            await Inbox.AppendAsync([receipt], default);
            await DrainInboxAsync();
        }

        // Finals before the intermediates they overtook, all in one batch.
        await Inbox.AppendAsync([.. ReceiptsOf(reversed).Reverse()], default);
        await DrainInboxAsync();

        // Each three times, out of order, across appends and batches of three.
        var r = ReceiptsOf(repeated);
        await Inbox.AppendAsync([r[3], r[2], r[3]], default);
        await DrainInboxAsync(batchSize: 3);
        await Inbox.AppendAsync([r[0], r[1], r[2], r[3], r[0]], default);
        await Inbox.AppendAsync([r[1], r[0], r[1], r[2]], default);
        await DrainInboxAsync(batchSize: 3);

        var expected = await FinalStateAsync(inOrder.Claimed);
        Assert.Contains("recipient delivered", expected, StringComparison.Ordinal);
        Assert.Equal(expected, await FinalStateAsync(reversed.Claimed));
        Assert.Equal(expected, await FinalStateAsync(repeated.Claimed));
    }

    [Fact]
    public async Task A_receipt_applied_before_its_message_is_recorded_is_folded_by_the_send_paths_write()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        var partId = NewPartId();
        await Inbox.AppendAsync([Receipt(partId, claimed.ClientRef, "delivered", "0")], default);
        await DrainInboxAsync();
        Assert.False(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = @id", ("id", partId)));

        await Repository.RecordOutcomesAsync([TestOutcomes.Accepted(claimed, campaign, new SentPart(partId, 0, null))], default);

        Assert.Equal(("delivered", "delivered"), (await MessageStatusAsync(claimed), (await Seed.ReadAsync(claimed.RecipientId)).Status));
        Assert.True(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = @id", ("id", partId)));
    }

    [Fact]
    public async Task A_receipt_still_in_the_inbox_when_its_message_is_recorded_is_applied_by_the_next_batch()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        var partId = NewPartId();
        await Inbox.AppendAsync([Receipt(partId, claimed.ClientRef, "failed", "6")], default);

        await Repository.RecordOutcomesAsync([TestOutcomes.Accepted(claimed, campaign, new SentPart(partId, 0, null))], default);
        Assert.Equal("sent", (await Seed.ReadAsync(claimed.RecipientId)).Status);
        await DrainInboxAsync();

        var recipient = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("failed", "6"), (recipient.Status, recipient.ErrorCode));
        Assert.True(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = @id", ("id", partId)));
    }

    [Fact]
    public async Task A_batch_that_fails_midway_leaves_all_its_receipts_in_the_inbox_and_the_next_applies_each_once()
    {
        var sent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SentAsync(1)));
        await Inbox.AppendAsync([.. sent.Select(s => Receipt(s.Parts[0], s.Claimed.ClientRef, "delivered"))], default);

        // The fold fails after the batch has been taken from the inbox, stored and folded into the parts.
        await Seed.ExecuteAsync("""
            CREATE FUNCTION fail_message_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'applier crashed'; END $$;
            CREATE TRIGGER fail_message_update BEFORE UPDATE ON sms_messages FOR EACH ROW EXECUTE FUNCTION fail_message_update();
            """);
        try
        {
            await Assert.ThrowsAsync<PostgresException>(() => Store.ApplyInboxAsync(100, default));
        }
        finally
        {
            await Seed.ExecuteAsync("DROP TRIGGER fail_message_update ON sms_messages; DROP FUNCTION fail_message_update();");
        }

        await AssertUntouchedAsync(sent, inInbox: 3);
        await DrainInboxAsync();
        await AssertAppliedOnceAsync(sent);
    }

    [Fact]
    public async Task An_applier_whose_connection_dies_midway_loses_nothing()
    {
        var sent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SentAsync(1)));
        await Inbox.AppendAsync([.. sent.Select(s => Receipt(s.Parts[0], s.Claimed.ClientRef, "delivered"))], default);

        // Holding a recipient stops the batch at its last statement; then its backend is killed, as a crash would.
        await using var holder = await Database.DataSource.OpenConnectionAsync();
        await using (var hold = await holder.BeginTransactionAsync())
        {
            await using (var lockRecipient = new NpgsqlCommand("SELECT 1 FROM campaign_recipients WHERE id = @id FOR UPDATE", holder, hold))
            {
                lockRecipient.Parameters.AddWithValue("id", sent[1].Claimed.RecipientId);
                await lockRecipient.ExecuteNonQueryAsync();
            }

            var applying = Store.ApplyInboxAsync(100, default);
            var applier = await WaitingBackendAsync();
            await Seed.ExecuteAsync("SELECT pg_terminate_backend(@pid)", ("pid", applier));
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => applying);
            await hold.RollbackAsync();
        }

        await AssertUntouchedAsync(sent, inInbox: 3);
        await DrainInboxAsync();
        await AssertAppliedOnceAsync(sent);
    }

    [Fact]
    public async Task A_receipt_the_fold_refuses_is_retired_and_the_rest_of_its_batch_applied()
    {
        var sent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SentAsync(1)));
        var (refused, parts) = await SentAsync(2);
        // Each price fits a receipt, but not both in their message's total: numeric(12, 6) overflows.
        await Inbox.AppendAsync([Receipt(parts[0], refused.ClientRef, "delivered", "0", 600_000m)], default);
        await DrainInboxAsync();
        await Inbox.AppendAsync(
            [.. sent.Select(s => Receipt(s.Parts[0], s.Claimed.ClientRef, "delivered")), Receipt(parts[1], refused.ClientRef, "delivered", "0", 600_000m)],
            default);

        Assert.Equal(new InboxBatchResult(7, 1), await Store.ApplyInboxAsync(100, default));

        await AssertAppliedOnceAsync(sent);
        Assert.Equal("apply_failed", await Seed.ScalarAsync<string>(
            "SELECT retired_reason FROM delivery_receipts WHERE provider_message_id = @id AND matched", ("id", parts[1])));
        Assert.Equal(("accepted", "sent"), (await MessageStatusAsync(refused), (await Seed.ReadAsync(refused.RecipientId)).Status));
    }

    [Fact]
    public async Task Concurrent_appliers_take_disjoint_batches_and_apply_every_receipt_once()
    {
        var sent = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => SentAsync(1)));
        var receipts = sent.Select(s => Receipt(s.Parts[0], s.Claimed.ClientRef, "delivered")).ToArray();
        await Inbox.AppendAsync(receipts, default);
        await Inbox.AppendAsync([.. receipts.Reverse()], default);

        // Each stops at its first empty take: rows it skipped are another's, held until that one commits them.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int taken;
            do
            {
                taken = (await Store.ApplyInboxAsync(7, default)).Taken;
            }
            while (taken > 0);
        })));

        await AssertAppliedOnceAsync(sent);
    }

    [Fact]
    public async Task A_receipt_delivery_receipts_could_not_hold_is_refused_by_the_inbox_with_its_batch()
    {
        var (claimed, parts) = await SentAsync(1);

        // More than numeric(12, 6) holds: refused now, so the webhook answers 500 instead of acknowledging it.
        await Assert.ThrowsAsync<PostgresException>(() => Inbox.AppendAsync(
            [Receipt(parts[0], claimed.ClientRef, "delivered"), Receipt(parts[0], claimed.ClientRef, "accepted", price: 12_345_678.5m)], default));

        Assert.Equal(0L, await InboxCountAsync());
    }

    /// <summary>An accepted and a final receipt for each of the two parts, in the order Vonage sends them.</summary>
    private static ReceiptRecord[] ReceiptsOf((ClaimedRecipient Claimed, string[] Parts) sent) =>
    [
        Receipt(sent.Parts[0], sent.Claimed.ClientRef, "accepted"),
        Receipt(sent.Parts[1], sent.Claimed.ClientRef, "buffered"),
        Receipt(sent.Parts[0], sent.Claimed.ClientRef, "delivered", "0", 0.0333m),
        Receipt(sent.Parts[1], sent.Claimed.ClientRef, "delivered", "0", 0.0333m),
    ];

    /// <summary>Everything receipts change for one message, with part ids replaced by part indexes and lists sorted.</summary>
    private Task<string> FinalStateAsync(ClaimedRecipient claimed) => Seed.ScalarAsync<string>(
        """
        SELECT concat_ws(' | ',
            'parts ' || (SELECT string_agg(concat_ws(':', p.part_index, p.status, p.error_code, p.price), ',' ORDER BY p.part_index)
                         FROM sms_message_parts p WHERE p.sms_message_id = m.id),
            'message ' || concat_ws(':', m.status, m.error_code, m.price),
            'history ' || (SELECT string_agg(concat_ws(':', p.part_index, e->>'status', e->>'errCode'), ',' ORDER BY p.part_index, e->>'status')
                           FROM jsonb_array_elements(m.status_history) e
                           LEFT JOIN sms_message_parts p ON p.provider_message_id = e->>'messageId'),
            'stored ' || (SELECT string_agg(concat_ws(':', p.part_index, d.status, d.error_code, d.price, d.matched), ',' ORDER BY p.part_index, d.status)
                          FROM delivery_receipts d JOIN sms_message_parts p ON p.provider_message_id = d.provider_message_id
                          WHERE p.sms_message_id = m.id),
            'recipient ' || concat_ws(':', c.status, c.error_code, c.price, c.finished_at IS NOT NULL))
        FROM sms_messages m JOIN campaign_recipients c ON c.id = m.recipient_id
        WHERE m.client_ref = @ref
        """,
        ("ref", claimed.ClientRef));

    private async Task AssertUntouchedAsync((ClaimedRecipient Claimed, string[] Parts)[] sent, long inInbox)
    {
        Assert.Equal(inInbox, await InboxCountAsync());
        var parts = sent.Select(s => s.Parts[0]).ToArray();
        Assert.Equal(0L, await Seed.ScalarAsync<long>("SELECT count(*) FROM delivery_receipts WHERE provider_message_id = ANY(@ids)", ("ids", parts)));
        Assert.Equal(0L, await Seed.ScalarAsync<long>(
            "SELECT count(*) FROM sms_message_parts WHERE provider_message_id = ANY(@ids) AND status <> 'accepted'", ("ids", parts)));
    }

    /// <summary>Every message delivered, its receipt stored once and in its history once, after the send path's own entry.</summary>
    private async Task AssertAppliedOnceAsync((ClaimedRecipient Claimed, string[] Parts)[] sent)
    {
        Assert.Equal(0L, await InboxCountAsync());
        foreach (var (claimed, parts) in sent)
        {
            Assert.Equal(("delivered", "delivered"), (await MessageStatusAsync(claimed), (await Seed.ReadAsync(claimed.RecipientId)).Status));
            Assert.Equal(1L, await Seed.ScalarAsync<long>("SELECT count(*) FROM delivery_receipts WHERE provider_message_id = @id", ("id", parts[0])));
            Assert.Equal(2, await Seed.ScalarAsync<int>(
                "SELECT jsonb_array_length(status_history) FROM sms_messages WHERE client_ref = @ref", ("ref", claimed.ClientRef)));
        }
    }

    /// <summary>The backend of this database waiting for a lock: the applier's, once it reaches the held row.</summary>
    private async Task<int> WaitingBackendAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await Seed.ScalarAsync<object>(
                    """
                    SELECT pid FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
                    """) is int pid)
            {
                return pid;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The applier never reached the held recipient.");
    }
}

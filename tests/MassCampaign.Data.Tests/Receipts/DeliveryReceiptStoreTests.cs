using MassCampaign.Data.Receipts;
using MassCampaign.Data.Sending;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Receipts;

/// <summary>Receipts folded into parts, messages and recipients written by the real send path repository.</summary>
public sealed class DeliveryReceiptStoreTests(PostgresDatabase database) : ReceiptStoreTestBase(database)
{
    [Fact]
    public async Task A_delivered_receipt_delivers_the_part_the_message_and_the_recipient()
    {
        var (claimed, parts) = await SentAsync(1);

        await Store.StoreAsync([Receipt(parts[0], claimed.ClientRef, "delivered", "0", 0.0333m)], default);

        Assert.Equal("delivered", await PartStatusAsync(parts[0]));
        Assert.Equal("delivered", await MessageStatusAsync(claimed));
        var recipient = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("delivered", 0.0333m), (recipient.Status, recipient.Price));
        Assert.NotNull(recipient.FinishedAt);
        Assert.True(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = @id", ("id", parts[0])));
    }

    [Fact]
    public async Task A_receipt_Vonage_retries_is_stored_and_applied_once()
    {
        var (claimed, parts) = await SentAsync(1);
        var receipt = Receipt(parts[0], claimed.ClientRef, "delivered", "0");

        await Store.StoreAsync([receipt, receipt], default);
        await Store.StoreAsync([receipt], default);

        Assert.Equal(1L, await Seed.ScalarAsync<long>("SELECT count(*) FROM delivery_receipts WHERE provider_message_id = @id", ("id", parts[0])));
        // The send path's own entry, then this receipt once.
        Assert.Equal(2, await Seed.ScalarAsync<int>(
            "SELECT jsonb_array_length(status_history) FROM sms_messages WHERE client_ref = @ref", ("ref", claimed.ClientRef)));
    }

    [Fact]
    public async Task A_long_message_is_delivered_only_when_every_part_is()
    {
        var (claimed, parts) = await SentAsync(3);

        await Store.StoreAsync([Receipt(parts[2], claimed.ClientRef, "delivered"), Receipt(parts[0], claimed.ClientRef, "delivered")], default);
        Assert.Equal("accepted", await MessageStatusAsync(claimed));
        Assert.Equal("sent", (await Seed.ReadAsync(claimed.RecipientId)).Status);

        await Store.StoreAsync([Receipt(parts[1], claimed.ClientRef, "delivered")], default);
        Assert.Equal("delivered", await MessageStatusAsync(claimed));
        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
    }

    [Fact]
    public async Task One_failed_part_fails_the_message_and_the_recipient_with_its_err_code()
    {
        var (claimed, parts) = await SentAsync(2);

        await Store.StoreAsync([Receipt(parts[0], claimed.ClientRef, "delivered", "0"), Receipt(parts[1], claimed.ClientRef, "expired", "2")], default);

        Assert.Equal(("expired", "2"), (await MessageStatusAsync(claimed), await MessageErrorAsync(claimed)));
        var recipient = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("expired", "2"), (recipient.Status, recipient.ErrorCode));
    }

    [Fact]
    public async Task An_intermediate_receipt_arriving_after_the_final_one_changes_nothing()
    {
        var (claimed, parts) = await SentAsync(1);

        await Store.StoreAsync([Receipt(parts[0], claimed.ClientRef, "failed", "6")], default);
        await Store.StoreAsync([Receipt(parts[0], claimed.ClientRef, "buffered")], default);

        Assert.Equal("failed", await PartStatusAsync(parts[0]));
        var recipient = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("failed", "6"), (recipient.Status, recipient.ErrorCode));
    }

    [Fact]
    public async Task A_receipt_for_an_unknown_message_is_kept_and_applied_once_the_message_appears()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        var partId = NewPartId();

        await Store.StoreAsync([Receipt(partId, claimed.ClientRef, "delivered", "0")], default);
        Assert.False(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = @id", ("id", partId)));

        // The message is written by a path that does not fold early receipts itself.
        await Seed.ExecuteAsync(
            """
            WITH m AS (
                INSERT INTO sms_messages (campaign_id, recipient_id, client_ref, to_phone, sender, body, encoding, segments, status)
                VALUES (@campaign, @recipient, @ref, '+15550000000', 'Acme', 'Hi', 'gsm7', 1, 'accepted') RETURNING id)
            INSERT INTO sms_message_parts (provider_message_id, sms_message_id, part_index) SELECT @part, id, 0 FROM m
            """,
            ("campaign", campaign), ("recipient", claimed.RecipientId), ("ref", claimed.ClientRef), ("part", partId));
        await Seed.SetStatusAsync(claimed.RecipientId, "sent");

        Assert.True((await Store.ReapplyUnmatchedAsync(new ReceiptSweep(1000, TimeSpan.FromHours(1), 100), default)).Matched >= 1);

        Assert.True(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = @id", ("id", partId)));
        Assert.Equal("delivered", await MessageStatusAsync(claimed));
        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
    }

    [Fact]
    public async Task An_unknown_recipient_left_by_a_crash_is_reconciled_by_the_client_ref_of_its_receipt()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        Assert.Equal(1, await Repository.CrashAfterHandoverAsync(campaign, claimed));
        var partId = NewPartId();

        await Store.StoreAsync([Receipt(partId, claimed.ClientRef, "delivered", "0", 0.05m)], default);

        var recipient = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("delivered", partId, 0.05m), (recipient.Status, recipient.ProviderMessageId, recipient.Price));
        Assert.True(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE provider_message_id = @id", ("id", partId)));
    }

    [Fact]
    public async Task A_receipt_that_beat_a_crash_recovery_is_applied_by_the_sweep_once_the_recipient_is_unknown()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        var partId = NewPartId();

        await Store.StoreAsync([Receipt(partId, claimed.ClientRef, "failed", "9")], default);
        Assert.Equal("sending", (await Seed.ReadAsync(claimed.RecipientId)).Status);

        await Repository.CrashAfterHandoverAsync(campaign, claimed);
        await Store.ReapplyUnmatchedAsync(new ReceiptSweep(1000, TimeSpan.FromHours(1), 100), default);

        var recipient = await Seed.ReadAsync(claimed.RecipientId);
        Assert.Equal(("failed", "9"), (recipient.Status, recipient.ErrorCode));
    }

    [Fact]
    public async Task An_ambiguous_send_learns_its_part_from_the_receipt_and_settles_the_recipient()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        await Repository.RecordOutcomesAsync([TestOutcomes.Ambiguous(claimed, campaign, "timed out")], default);
        Assert.Equal("unknown", (await Seed.ReadAsync(claimed.RecipientId)).Status);
        var partId = NewPartId();

        await Store.StoreAsync([Receipt(partId, claimed.ClientRef, "delivered", "0")], default);

        Assert.Equal("delivered", await PartStatusAsync(partId));
        Assert.Equal("delivered", await MessageStatusAsync(claimed));
        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
    }

    [Fact]
    public async Task A_late_receipt_of_an_older_attempt_leaves_the_current_attempt_alone()
    {
        var (claimed, parts) = await SentAsync(1);
        await Seed.ExecuteAsync("UPDATE campaign_recipients SET attempt = attempt + 1, status = 'sent' WHERE id = @id", ("id", claimed.RecipientId));

        await Store.StoreAsync([Receipt(parts[0], claimed.ClientRef, "failed", "6")], default);

        Assert.Equal("failed", await MessageStatusAsync(claimed));
        Assert.Equal("sent", (await Seed.ReadAsync(claimed.RecipientId)).Status);
    }

    [Fact]
    public async Task Receipts_for_the_parts_of_one_message_in_concurrent_batches_all_count()
    {
        var (claimed, parts) = await SentAsync(6);

        await Task.WhenAll(parts.Select(part => Task.Run(() => Store.StoreAsync([Receipt(part, claimed.ClientRef, "delivered")], default))));

        Assert.Equal("delivered", await MessageStatusAsync(claimed));
        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
    }

    [Fact]
    public async Task A_batch_mixing_known_parts_and_an_unknown_recipients_receipt_applies_both()
    {
        var (known, parts) = await SentAsync(1);
        var (campaign, crashed) = await ClaimOneAsync();
        await Repository.CrashAfterHandoverAsync(campaign, crashed);

        var matched = await Store.StoreAsync(
            [Receipt(parts[0], known.ClientRef, "delivered"), Receipt(NewPartId(), crashed.ClientRef, "rejected", "14")], default);

        Assert.Equal(2, matched);
        Assert.Equal("delivered", (await Seed.ReadAsync(known.RecipientId)).Status);
        var recipient = await Seed.ReadAsync(crashed.RecipientId);
        Assert.Equal(("rejected", "14"), (recipient.Status, recipient.ErrorCode));
    }

    [Fact]
    public async Task Receipts_waiting_for_given_client_refs_can_be_applied_on_demand()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        await Store.StoreAsync([Receipt(NewPartId(), claimed.ClientRef, "delivered")], default);
        await Repository.CrashAfterHandoverAsync(campaign, claimed);

        Assert.Equal(1, await Store.ReapplyForClientRefsAsync([claimed.ClientRef], default));

        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
    }
}

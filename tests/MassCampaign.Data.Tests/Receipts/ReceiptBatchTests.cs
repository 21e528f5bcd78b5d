using MassCampaign.Data.Sending;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Receipts;

/// <summary>
/// What shares a batch, or races it in another one: one-part messages fold without a lock, long ones under their
/// message's lock. Each receipt is folded once, and a message's status is what all its parts add up to.
/// </summary>
public sealed class ReceiptBatchTests(PostgresDatabase database) : ReceiptStoreTestBase(database)
{
    [Fact]
    public async Task A_batch_of_short_and_long_messages_and_a_replay_folds_each_receipt_once()
    {
        var (shortMessage, shortParts) = await SentAsync(1);
        var (longMessage, longParts) = await SentAsync(2);
        var replay = Receipt(shortParts[0], shortMessage.ClientRef, "delivered", "0", 0.0333m);

        var matched = await Store.StoreAsync(
            [replay, Receipt(longParts[1], longMessage.ClientRef, "delivered"), replay, Receipt(longParts[0], longMessage.ClientRef, "delivered")],
            default);

        Assert.Equal(3, matched);
        Assert.Equal(("delivered", "delivered"), (await MessageStatusAsync(shortMessage), await MessageStatusAsync(longMessage)));
        Assert.Equal(("delivered", 0.0333m), ((await Seed.ReadAsync(shortMessage.RecipientId)).Status, (await Seed.ReadAsync(shortMessage.RecipientId)).Price));
        Assert.Equal("delivered", (await Seed.ReadAsync(longMessage.RecipientId)).Status);
        // The send path's own entry, then each receipt once.
        Assert.Equal((2, 3), (await HistoryLengthAsync(shortMessage), await HistoryLengthAsync(longMessage)));
    }

    [Fact]
    public async Task Receipts_for_a_one_part_message_in_concurrent_batches_end_on_its_final_status()
    {
        var sent = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SentAsync(1)));

        // Every message gets an intermediate and a final receipt at once, each in its own batch.
        await Task.WhenAll(sent.SelectMany(s => new[] { "accepted", "delivered", "buffered" }
            .Select(status => Task.Run(() => Store.StoreAsync([Receipt(s.Parts[0], s.Claimed.ClientRef, status)], default)))));

        foreach (var (claimed, parts) in sent)
        {
            Assert.Equal(("delivered", "delivered"), (await PartStatusAsync(parts[0]), await MessageStatusAsync(claimed)));
            Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
            Assert.Equal(4, await HistoryLengthAsync(claimed));
        }
    }

    [Fact]
    public async Task A_message_counted_as_one_part_but_sent_as_two_is_delivered_only_with_both()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        string[] parts = [NewPartId(), NewPartId()];
        await Repository.RecordOutcomesAsync(
            [TestOutcomes.Accepted(claimed, campaign, new SentPart(parts[0], 0, null), new SentPart(parts[1], 1, null)) with { Segments = 1 }],
            default);

        await Store.StoreAsync([Receipt(parts[0], claimed.ClientRef, "delivered")], default);
        Assert.Equal("accepted", await MessageStatusAsync(claimed));

        await Store.StoreAsync([Receipt(parts[1], claimed.ClientRef, "delivered")], default);
        Assert.Equal("delivered", await MessageStatusAsync(claimed));
        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
    }

    private Task<int> HistoryLengthAsync(ClaimedRecipient claimed) =>
        Seed.ScalarAsync<int>("SELECT jsonb_array_length(status_history) FROM sms_messages WHERE client_ref = @ref", ("ref", claimed.ClientRef));
}

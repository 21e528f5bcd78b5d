using MassCampaign.Data.Receipts;
using MassCampaign.Data.Sending;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Receipts;

/// <summary>Messages sent through the real send path repository, and the receipts Vonage sends back for them.</summary>
public abstract class ReceiptStoreTestBase(PostgresDatabase database) : SendPathTestBase(database)
{
    protected DeliveryReceiptStore Store => new(Database.DataSource);

    protected ReceiptInbox Inbox => new(Database.DataSource);

    /// <summary>Applies what the inbox holds, in batches of <paramref name="batchSize"/>, as the host's applier does.</summary>
    protected async Task DrainInboxAsync(int batchSize = 1000)
    {
        int taken;
        do
        {
            taken = (await Store.ApplyInboxAsync(batchSize, default)).Taken;
        }
        while (taken == batchSize);
    }

    protected Task<long> InboxCountAsync() => Seed.ScalarAsync<long>("SELECT count(*) FROM receipt_inbox");

    /// <summary>A recipient claimed and its message accepted as <paramref name="partCount"/> parts; returns their ids.</summary>
    protected async Task<(ClaimedRecipient Claimed, string[] Parts)> SentAsync(int partCount)
    {
        var (campaign, claimed) = await ClaimOneAsync();
        var parts = Enumerable.Range(0, partCount).Select(_ => NewPartId()).ToArray();
        await Repository.RecordOutcomesAsync(
            [TestOutcomes.Accepted(claimed, campaign, [.. parts.Select((id, i) => new SentPart(id, i, null))])], default);
        return (claimed, parts);
    }

    protected static ReceiptRecord Receipt(string partId, string? clientRef, string status, string? errorCode = null, decimal? price = null) =>
        new(partId, clientRef, status, errorCode, price, "15550000000", $$"""{"messageId": "{{partId}}", "status": "{{status}}"}""");

    protected static string NewPartId() => "P" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();

    protected Task<string> PartStatusAsync(string partId) =>
        Seed.ScalarAsync<string>("SELECT status FROM sms_message_parts WHERE provider_message_id = @id", ("id", partId));

    protected Task<string> MessageStatusAsync(ClaimedRecipient claimed) =>
        Seed.ScalarAsync<string>("SELECT status FROM sms_messages WHERE client_ref = @ref", ("ref", claimed.ClientRef));

    protected Task<string> MessageErrorAsync(ClaimedRecipient claimed) =>
        Seed.ScalarAsync<string>("SELECT error_code FROM sms_messages WHERE client_ref = @ref", ("ref", claimed.ClientRef));
}

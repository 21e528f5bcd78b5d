using MassCampaign.Data.Inbound;

namespace MassCampaign.Host.Replies;

/// <summary>One inbound message of a campaign as the API shows it.</summary>
public sealed record ReplyResponse(
    long Id, long? ContactId, string Phone, string Text, string Classification, DateTime ReceivedAt, string ProviderMessageId)
{
    public static ReplyResponse From(SmsReplyRow row) =>
        new(row.Id, row.ContactId, row.Phone, row.Text, row.Classification, row.ReceivedAt.UtcDateTime, row.ProviderMessageId);
}

namespace MassCampaign.Data.Inbound;

/// <summary>One stored inbound message, as the replies page and reports show it.</summary>
public sealed record SmsReplyRow(
    long Id,
    long? ContactId,
    Guid? CampaignId,
    string Phone,
    string Text,
    string Classification,
    DateTimeOffset ReceivedAt,
    string ProviderMessageId);

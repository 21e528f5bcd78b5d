namespace MassCampaign.Data.Inbound;

/// <summary>One stored reply: its row id, provider message id (the first part's, for a long message) and classification.</summary>
public sealed record RecordedReply(long Id, string ProviderMessageId, long? ContactId, Guid? CampaignId, string Classification, bool QueuedAnswer);

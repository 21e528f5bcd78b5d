namespace MassCampaign.Data.Suppression;

/// <summary>An answer to queue for a keyword: its <see cref="OutboxKinds">kind</see> and text.</summary>
public sealed record OutboxReply(string Kind, string Body);

namespace MassCampaign.Data.Tests.Sending;

/// <summary>A campaign_recipients row as the tests read it back.</summary>
internal sealed record RecipientState(
    string Status,
    int Attempt,
    string? Outcome,
    string? ErrorCode,
    string? ProviderMessageId,
    int? Segments,
    decimal? Price,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? FinishedAt);

namespace MassCampaign.Data.Reporting;

/// <summary>One recipient of a campaign and where it ended up; times are UTC.</summary>
public sealed record RecipientOutcome(
    string Phone,
    string? FirstName,
    string? LastName,
    string Status,
    int Attempt,
    string? Outcome,
    string? ErrorCode,
    string? ProviderMessageId,
    int? Segments,
    decimal? Price,
    DateTime? SentAt,
    DateTime? FinishedAt);

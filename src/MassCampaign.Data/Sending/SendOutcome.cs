namespace MassCampaign.Data.Sending;

/// <summary>The result of one submission, written back in bulk with the rest of its batch.</summary>
public sealed record SendOutcome(
    long RecipientId,
    Guid CampaignId,
    string ClientRef,
    string PhoneE164,
    string Sender,
    string Body,
    string Encoding,
    int Segments,
    SendOutcomeKind Kind,
    IReadOnlyList<SentPart> Parts,
    string? ErrorCode,
    string? ErrorText,
    decimal? Price,
    DateTimeOffset? RetryAt);

/// <summary>One accepted part of a (possibly concatenated) message.</summary>
public sealed record SentPart(string ProviderMessageId, int PartIndex, decimal? Price);

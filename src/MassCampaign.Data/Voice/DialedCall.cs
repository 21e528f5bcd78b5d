namespace MassCampaign.Data.Voice;

/// <summary>
/// A call that was created (<see cref="CallUuid"/> known) or may have been (ambiguous, uuid null): one calls row,
/// in progress until its events, or the provider when they are lost, give its outcome.
/// </summary>
public sealed record DialedCall(
    Guid CampaignId,
    long RecipientId,
    string ClientRef,
    string PhoneE164,
    string? CallUuid,
    string? ConversationUuid,
    string? ErrorCode,
    DateTimeOffset ResolveBy)
{
    public string Status => CallUuid is null ? "unknown" : "started";
}

using MassCampaign.Data.Sending;

namespace MassCampaign.Data.Tests.Sending;

/// <summary>Outcomes as the engine would report them for a claimed recipient.</summary>
internal static class TestOutcomes
{
    public static SendOutcome Accepted(ClaimedRecipient recipient, Guid campaignId, params SentPart[] parts) =>
        Outcome(recipient, campaignId, SendOutcomeKind.Accepted, parts) with
        {
            Segments = Math.Max(1, parts.Length),
            Price = parts.Any(p => p.Price.HasValue) ? parts.Sum(p => p.Price ?? 0m) : null,
        };

    public static SendOutcome Retry(ClaimedRecipient recipient, Guid campaignId, DateTimeOffset? retryAt) =>
        Outcome(recipient, campaignId, SendOutcomeKind.Retry) with { ErrorCode = "1", ErrorText = "Throttled", RetryAt = retryAt };

    public static SendOutcome Permanent(ClaimedRecipient recipient, Guid campaignId, string code, string text) =>
        Outcome(recipient, campaignId, SendOutcomeKind.Permanent) with { ErrorCode = code, ErrorText = text };

    public static SendOutcome Ambiguous(ClaimedRecipient recipient, Guid campaignId, string text) =>
        Outcome(recipient, campaignId, SendOutcomeKind.Ambiguous) with { ErrorText = text };

    public static SendOutcome Released(ClaimedRecipient recipient, Guid campaignId) =>
        Outcome(recipient, campaignId, SendOutcomeKind.Released) with { ErrorText = "paused" };

    private static SendOutcome Outcome(ClaimedRecipient recipient, Guid campaignId, SendOutcomeKind kind, params SentPart[] parts) =>
        new(recipient.RecipientId, campaignId, recipient.ClientRef, recipient.PhoneE164, "Acme",
            $"Hi {recipient.FirstName}", "gsm7", 1, kind, parts, null, null, null, null);
}

using MassCampaign.Data.Sending;
using MassCampaign.Data.Voice;
using MassCampaign.Vonage.Voice;
using MassCampaign.Workflows.Sending;
using NodaTime;

namespace MassCampaign.Workflows.Voice;

/// <summary>Turns what happened to one call creation into the recipient outcome and calls row the send path records.</summary>
internal static class CallOutcomes
{
    // A created call lasts at most its ringing time plus the length timer; past that (and a margin) its events were lost.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    public static CallDial From(VoiceBatchRequest request, ClaimedRecipient recipient, CallCreateResult result, Instant now, TimeSpan callLongest) =>
        result.Outcome switch
        {
            CallCreateOutcome.Created => new CallDial(
                Outcome(request, recipient, SendOutcomeKind.Accepted, null, null) with { Parts = [new SentPart(result.CallUuid!, 0, null)] },
                new DialedCall(request.CampaignId, recipient.RecipientId, recipient.ClientRef, recipient.PhoneE164, result.CallUuid,
                    result.ConversationUuid, null, now.ToDateTimeOffset() + callLongest + Margin)),
            CallCreateOutcome.Ambiguous => new CallDial(
                Outcome(request, recipient, SendOutcomeKind.Ambiguous, result.ErrorCode, result.ErrorText),
                new DialedCall(request.CampaignId, recipient.RecipientId, recipient.ClientRef, recipient.PhoneE164, null, null,
                    result.ErrorCode, now.ToDateTimeOffset() + request.UnknownResolveAfter)),
            CallCreateOutcome.Throttled => Retry(request, recipient, now, result),
            CallCreateOutcome.Transient when recipient.Attempt >= RetryBackoff.MaxTransientAttempts => new CallDial(
                Outcome(request, recipient, SendOutcomeKind.Permanent, result.ErrorCode, $"Gave up after {recipient.Attempt} attempts: {result.ErrorText}"), null),
            CallCreateOutcome.Transient => Retry(request, recipient, now, result),
            CallCreateOutcome.Permanent => new CallDial(Outcome(request, recipient, SendOutcomeKind.Permanent, result.ErrorCode, result.ErrorText), null),
            CallCreateOutcome.AccountRefused => Released(request, recipient, now, result.ErrorText ?? "the account was refused") with
            {
                AccountRefusal = result.AccountRefusalReason ?? result.ErrorText,
            },
            _ => Released(request, recipient, now, result.ErrorText ?? "not dialled"),
        };

    /// <summary>Claimed but never dialled (pause, stop, window, opt-out, budget spent): back to pending now.</summary>
    public static CallDial Released(VoiceBatchRequest request, ClaimedRecipient recipient, Instant now, string why) =>
        new(Outcome(request, recipient, SendOutcomeKind.Released, null, why) with { RetryAt = now.ToDateTimeOffset() }, null);

    public static CallDial Failed(VoiceBatchRequest request, ClaimedRecipient recipient, string code, string why) =>
        new(Outcome(request, recipient, SendOutcomeKind.Permanent, code, why), null);

    public static CallDial Unknown(VoiceBatchRequest request, ClaimedRecipient recipient, Instant now, string why) =>
        new(Outcome(request, recipient, SendOutcomeKind.Ambiguous, null, why),
            new DialedCall(request.CampaignId, recipient.RecipientId, recipient.ClientRef, recipient.PhoneE164, null, null, null,
                now.ToDateTimeOffset() + request.UnknownResolveAfter));

    private static CallDial Retry(VoiceBatchRequest request, ClaimedRecipient recipient, Instant now, CallCreateResult result) =>
        new(Outcome(request, recipient, SendOutcomeKind.Retry, result.ErrorCode, result.ErrorText) with
        {
            RetryAt = RetryBackoff.RetryAt(now, recipient.Attempt, result.RetryAfter).ToDateTimeOffset(),
        }, null);

    // A call has no body, encoding or segments: the recipient row keeps none, and no SMS row is written.
    private static SendOutcome Outcome(VoiceBatchRequest request, ClaimedRecipient recipient, SendOutcomeKind kind, string? code, string? text) =>
        new(recipient.RecipientId, request.CampaignId, recipient.ClientRef, recipient.PhoneE164, request.From, "", "gsm7", 0, kind, [],
            code, text, null, null);
}

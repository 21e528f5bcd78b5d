using MassCampaign.Data.Sending;
using MassCampaign.Domain.Messaging;
using MassCampaign.Vonage.Sms;
using NodaTime;

namespace MassCampaign.Workflows.Sending;

/// <summary>Turns what happened to one SMS into the <see cref="SendOutcome"/> the send path records.</summary>
internal static class SmsOutcomes
{
    public static SendOutcome From(SmsMessageDraft message, SmsSendResult result, Instant now) => result.Outcome switch
    {
        SmsSendOutcome.Accepted => Accepted(message, result),
        // Some parts are on their way: never resend; the refused part's code is kept for the report.
        SmsSendOutcome.PartiallyAccepted => Accepted(message, result),
        SmsSendOutcome.Throttled => Retry(message, now, result.RetryAfter, ErrorCode(result), result.ErrorText),
        SmsSendOutcome.Transient when message.Recipient.Attempt >= RetryBackoff.MaxTransientAttempts =>
            Outcome(message, SendOutcomeKind.Permanent, ErrorCode(result), $"Gave up after {message.Recipient.Attempt} attempts: {result.ErrorText}"),
        SmsSendOutcome.Transient => Retry(message, now, result.RetryAfter, ErrorCode(result), result.ErrorText),
        SmsSendOutcome.Permanent => Outcome(message, SendOutcomeKind.Permanent, ErrorCode(result), result.ErrorText),
        _ => Outcome(message, SendOutcomeKind.Ambiguous, ErrorCode(result), result.ErrorText),
    };

    /// <summary>Claimed but never handed to the provider (pause, stop, window, opt-out, budget spent, account refused): back to pending now.</summary>
    public static SendOutcome Released(SmsMessageDraft message, Instant now, string why) =>
        Outcome(message, SendOutcomeKind.Released, null, why) with { RetryAt = now.ToDateTimeOffset() };

    public static SendOutcome Retry(SmsMessageDraft message, Instant now, TimeSpan? hint, string? code, string? text) =>
        Outcome(message, SendOutcomeKind.Retry, code, text) with
        {
            RetryAt = RetryBackoff.RetryAt(now, message.Recipient.Attempt, hint).ToDateTimeOffset(),
        };

    public static SendOutcome Outcome(SmsMessageDraft message, SendOutcomeKind kind, string? code, string? text) => new(
        message.Recipient.RecipientId,
        message.CampaignId,
        message.Recipient.ClientRef,
        message.Recipient.PhoneE164,
        message.Sender,
        message.Body,
        message.Info.Encoding == SmsEncoding.Ucs2 ? "ucs2" : "gsm7",
        message.Info.Segments,
        kind,
        [],
        code,
        text,
        null,
        null);

    private static SendOutcome Accepted(SmsMessageDraft message, SmsSendResult result)
    {
        var parts = result.Parts
            .Select((part, index) => (part, index))
            .Where(p => p.part.IsAccepted && p.part.MessageId is not null)
            .Select(p => new SentPart(p.part.MessageId!, p.index, p.part.Price))
            .ToArray();
        var refused = result.Outcome == SmsSendOutcome.PartiallyAccepted;
        return Outcome(message, SendOutcomeKind.Accepted, refused ? ErrorCode(result) : null, refused ? result.ErrorText : null) with
        {
            Parts = parts,
            Price = result.Parts.Any(p => p.Price is not null) ? result.TotalPrice : null,
        };
    }

    private static string? ErrorCode(SmsSendResult result) =>
        result.VonageStatus is { } status && status != SmsStatusCodes.Success ? status.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : result.HttpStatus is { } http ? $"http-{http}"
        : null;
}

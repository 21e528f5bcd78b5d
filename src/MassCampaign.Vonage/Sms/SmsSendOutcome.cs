namespace MassCampaign.Vonage.Sms;

/// <summary>What a send means for the recipient. Only Accepted, PartiallyAccepted and Ambiguous may have reached Vonage.</summary>
public enum SmsSendOutcome
{
    /// <summary>Every part has status 0: queued for delivery; receipts follow per part.</summary>
    Accepted,

    /// <summary>Some parts were accepted and some refused: never resend, the accepted parts are on their way.</summary>
    PartiallyAccepted,

    /// <summary>Not taken because of the rate limit (status 1 or HTTP 429), even after waiting: retry later, never drop.</summary>
    Throttled,

    /// <summary>Not taken because of a passing fault (status 5 or 10, HTTP 5xx, no connection), even after retrying: retry later.</summary>
    Transient,

    /// <summary>Refused for this recipient or message (bad number, barred number, too long…): fail the recipient with the code.</summary>
    Permanent,

    /// <summary>May have been taken (no answer in time, connection dropped after sending, unreadable answer): do not resend blindly.</summary>
    Ambiguous,

    /// <summary>
    /// Refused because of the account or sender (credentials, barred account, no credit, refused sender…): every
    /// recipient would be refused alike, so pause the campaign with <see cref="SmsSendResult.AccountRefusalReason"/>.
    /// </summary>
    AccountRefused,
}

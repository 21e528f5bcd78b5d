namespace MassCampaign.Data.Sending;

public enum SendOutcomeKind
{
    /// <summary>Vonage took every part: recipient 'sent', message and parts recorded.</summary>
    Accepted,

    /// <summary>Certainly not taken and worth retrying (throttled, transient): back to 'pending' with next_attempt_at.</summary>
    Retry,

    /// <summary>Refused for good: recipient 'failed' with the provider's code.</summary>
    Permanent,

    /// <summary>
    /// May or may not have been taken (timeout after sending): 'unknown' until a receipt settles it or the
    /// campaign's unknownPolicy does, after its unknownResolveAfter; never resent blindly.
    /// </summary>
    Ambiguous,

    /// <summary>
    /// Claimed but never handed to the provider (paused, window closed, opted out, account refused): back to
    /// 'pending' under the attempt it had, since that attempt's client-ref never left.
    /// </summary>
    Released,
}

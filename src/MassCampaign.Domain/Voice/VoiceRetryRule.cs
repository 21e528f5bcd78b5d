using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Domain.Voice;

/// <summary>When, if ever, a recipient is called again after a call ended (settings.voice.retry and maxAttemptsPer24h).</summary>
public static class VoiceRetryRule
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    /// <param name="callsMade">Every call to this recipient in this campaign, the one that just ended included.</param>
    /// <param name="callsInLast24Hours">Those of them placed in the 24 hours before <paramref name="now"/>.</param>
    /// <returns>When to call again, or null when the recipient is not called again.</returns>
    public static DateTimeOffset? RetryAt(
        CallOutcome outcome, int callsMade, int callsInLast24Hours, VoiceSettings voice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(voice);

        if (voice.Retry.For(outcome) is not { } retry || callsMade >= retry.MaxAttempts)
        {
            return null;
        }

        var at = now + retry.After.ToTimeSpan();

        // At the daily cap the next call must wait for the oldest call to leave the 24-hour window. When that call was
        // placed is not known here, and it was placed after now - 24h, so now + 24h is the earliest time sure to be safe.
        return callsInLast24Hours >= voice.MaxAttemptsPer24h && at < now + Day ? now + Day : at;
    }
}

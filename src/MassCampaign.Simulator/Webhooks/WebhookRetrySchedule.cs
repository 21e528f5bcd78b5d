namespace MassCampaign.Simulator.Webhooks;

/// <summary>
/// When a webhook Vonage could not deliver (429, 5xx, no answer) is tried again: after a first delay that doubles
/// with each failure up to a ceiling, until the retry period after the first failure is spent (VONAGE.md §2.5: 5 s
/// doubling to 15 min, for 24 hours). The Simulator's defaults are shorter so a development loop sees the outcome within minutes.
/// </summary>
public sealed record WebhookRetrySchedule(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan RetryFor)
{
    /// <param name="failures">How many posts of this webhook have failed, at least 1.</param>
    /// <param name="sinceFirstFailure">Time since the first post failed.</param>
    /// <returns>The wait before the next post, or null when it would fall outside the retry period.</returns>
    public TimeSpan? NextDelay(int failures, TimeSpan sinceFirstFailure)
    {
        var delay = FirstDelay;
        for (var i = 1; i < failures && delay < MaxDelay; i++)
        {
            delay *= 2;
        }

        delay = delay < MaxDelay ? delay : MaxDelay;
        return sinceFirstFailure + delay <= RetryFor ? delay : null;
    }
}

using NodaTime;

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// When a recipient the provider certainly did not take is tried again: the provider's own hint when it gave one,
/// else exponential from 5 seconds up to 10 minutes. Throttling is retried without limit (never dropped);
/// other transient faults give up after <see cref="MaxTransientAttempts"/>.
/// </summary>
public static class RetryBackoff
{
    public const int MaxTransientAttempts = 8;

    private static readonly Duration First = Duration.FromSeconds(5);
    private static readonly Duration Longest = Duration.FromMinutes(10);

    public static Instant RetryAt(Instant now, int attempt, TimeSpan? hint)
    {
        if (hint is { } wait && wait > TimeSpan.Zero)
        {
            return now + Duration.FromTimeSpan(wait);
        }

        var exponent = Math.Clamp(attempt - 1, 0, 16);
        var delay = First * Math.Pow(2, exponent);
        return now + (delay < Longest ? delay : Longest);
    }
}

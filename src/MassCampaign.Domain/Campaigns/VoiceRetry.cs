using NodaTime;

namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// Calls again after one call outcome: <see cref="MaxAttempts"/> counts the first call, so 1 never calls again;
/// each new call waits <see cref="After"/> from the call that ended that way.
/// </summary>
public sealed record VoiceRetry(int MaxAttempts, Duration After)
{
    public const int MinAttempts = RetryPolicy.MinAttempts;
    public const int MaxAllowedAttempts = RetryPolicy.MaxAllowedAttempts;
    public const double MaxAfterMinutes = RetryPolicy.MaxAfterMinutes;

    public static VoiceRetry Default { get; } = new(1, Duration.FromMinutes(30));
}

using NodaTime;

namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// Scheduled retries of sends that failed with a retryable error: <see cref="MaxAttempts"/> counts the first attempt,
/// so 1 never retries; each retry waits <see cref="After"/> from the failure.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, Duration After)
{
    public const int MinAttempts = 1;
    public const int MaxAllowedAttempts = 10;
    public const double MaxAfterMinutes = 7 * 24 * 60;

    public static RetryPolicy None { get; } = new(1, Duration.FromMinutes(30));
}

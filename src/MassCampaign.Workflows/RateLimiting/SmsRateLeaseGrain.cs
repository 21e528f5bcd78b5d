using MassCampaign.Domain.RateLimiting;
using MassCampaign.Workflows.Configuration;
using Microsoft.Extensions.Options;

namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// The account's token schedule in memory, begun when the grain activates. A restarted grain forgets what it granted;
/// as a new schedule owes no burst, that costs at most the tenth of a second the old grants reached ahead. Each lease
/// is a few arithmetic steps, so the grain is never the bottleneck.
/// </summary>
public sealed class SmsRateLeaseGrain(IOptions<SmsRateLimitOptions> options, TimeProvider time) : Grain, ISmsRateLeaseGrain
{
    // A grant reaches at most this far ahead, so one silo never holds more than a tenth of a second of the account.
    private static readonly TimeSpan Horizon = TimeSpan.FromMilliseconds(100);

    private readonly long _origin = time.GetTimestamp();

    private readonly TokenSchedule _schedule = new(
        Math.Max(1, options.Value.SmsRequestsPerSecond),
        Math.Max(1, options.Value.SmsBurst ?? options.Value.SmsRequestsPerSecond),
        Horizon,
        start: TimeSpan.Zero);

    public Task<RateLease> LeaseAsync(int wanted)
    {
        var now = time.GetElapsedTime(_origin);
        var grant = _schedule.Lease(now, wanted);
        return Task.FromResult(new RateLease(grant.Count, grant.RetryAfter, grant.FirstDue - now, grant.Spacing, _schedule.Tolerance));
    }
}

using MassCampaign.Domain.RateLimiting;
using MassCampaign.Workflows.Configuration;
using Microsoft.Extensions.Options;

namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// Call creations spaced evenly at the account's rate with no burst: Vonage refuses a fourth call in a second outright
/// (HTTP 429, not queued), so bunching would cost refusals. A call a second or three needs no leasing in chunks.
/// </summary>
public sealed class VoiceRateLeaseGrain(IOptions<VoiceRateLimitOptions> options, TimeProvider time) : Grain, IVoiceRateLeaseGrain
{
    private static readonly TimeSpan Horizon = TimeSpan.FromSeconds(1);

    private readonly long _origin = time.GetTimestamp();

    private readonly TokenSchedule _schedule = new(Math.Max(1, options.Value.VoiceCallsPerSecond), burst: 1, Horizon, start: TimeSpan.Zero);

    public Task<RateLease> LeaseAsync(int wanted)
    {
        var now = time.GetElapsedTime(_origin);
        var grant = _schedule.Lease(now, wanted);
        return Task.FromResult(new RateLease(grant.Count, grant.RetryAfter, grant.FirstDue - now, grant.Spacing, _schedule.Tolerance));
    }
}

using MassCampaign.Workflows.Configuration;
using Microsoft.Extensions.Options;

namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// A token bucket in memory: a restarted bucket starts full, which at worst allows one burst more. Reentrant is not
/// needed: each lease is a few arithmetic steps.
/// </summary>
public sealed class SmsRateLeaseGrain(IOptions<SmsRateLimitOptions> options, TimeProvider time) : Grain, ISmsRateLeaseGrain
{
    private readonly double _rate = Math.Max(1, options.Value.SmsRequestsPerSecond);
    private readonly double _capacity = Math.Max(1, options.Value.SmsBurst ?? options.Value.SmsRequestsPerSecond);
    private double _tokens = Math.Max(1, options.Value.SmsBurst ?? options.Value.SmsRequestsPerSecond);
    private long _refilledAt = time.GetTimestamp();

    public Task<RateLease> LeaseAsync(int wanted)
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * _rate));
        _refilledAt = now;

        var granted = (int)Math.Min(Math.Max(1, wanted), Math.Floor(_tokens));
        if (granted > 0)
        {
            _tokens -= granted;
            return Task.FromResult(new RateLease(granted, TimeSpan.Zero));
        }

        var untilOne = TimeSpan.FromSeconds((1 - _tokens) / _rate);
        return Task.FromResult(new RateLease(0, untilOne));
    }
}

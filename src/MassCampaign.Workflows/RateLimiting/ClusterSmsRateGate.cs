using MassCampaign.Vonage;
using MassCampaign.Vonage.RateLimiting;
using MassCampaign.Workflows.Configuration;
using Microsoft.Extensions.Options;

namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// The SMS client's <see cref="IRequestRateGate"/> on a silo: spends tokens leased from the account's
/// <see cref="ISmsRateLeaseGrain"/>, one lease call per tenth of a second instead of one per SMS, and lets each
/// request go at its token's due time, so requests from every silo together keep to the account's schedule.
/// Unlimited accounts pass.
/// </summary>
public sealed class ClusterSmsRateGate : IRequestRateGate, IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _time;
    private readonly string _accountKey;
    private readonly bool _unlimited;
    private readonly int _chunk;
    private readonly long _origin;
    private readonly SemaphoreSlim _leasing = new(1, 1);
    private readonly Lock _lock = new();
    private HeldLease? _held;

    public ClusterSmsRateGate(IGrainFactory grains, IOptions<SmsRateLimitOptions> rate, IOptions<VonageOptions> vonage, TimeProvider time)
    {
        _grains = grains;
        _time = time;
        _accountKey = string.IsNullOrEmpty(vonage.Value.ApiKey) ? "default" : vonage.Value.ApiKey;
        _unlimited = rate.Value.IsUnlimited;
        // The grain caps a grant at a tenth of a second plus any owed burst; asking for a second's worth never limits it.
        _chunk = Math.Max(1, rate.Value.SmsRequestsPerSecond + (rate.Value.SmsBurst ?? 0));
        _origin = time.GetTimestamp();
    }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_unlimited)
        {
            return;
        }

        if (!TryClaim(out var due))
        {
            due = await LeaseUntilClaimedAsync(cancellationToken);
        }

        var wait = due - Now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    public void Dispose() => _leasing.Dispose();

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    /// <summary>
    /// One lease call at a time per silo; the others wait for the tokens it brings, and a schedule that is ahead is
    /// waited out while holding the turn, so waiters never turn into a storm of lease calls.
    /// </summary>
    private async Task<TimeSpan> LeaseUntilClaimedAsync(CancellationToken cancellationToken)
    {
        await _leasing.WaitAsync(cancellationToken);
        try
        {
            TimeSpan due;
            while (!TryClaim(out due))
            {
                var lease = await LeaseAsync();
                if (lease.Granted > 0)
                {
                    lock (_lock)
                    {
                        _held = new HeldLease(lease.On(Now), lease.Tolerance);
                    }
                }
                else
                {
                    await Task.Delay(lease.RetryAfter, _time, cancellationToken);
                }
            }

            return due;
        }
        finally
        {
            _leasing.Release();
        }
    }

    private bool TryClaim(out TimeSpan due)
    {
        lock (_lock)
        {
            if (_held is not null && _held.TryClaim(Now, out due))
            {
                return true;
            }

            due = default;
            return false;
        }
    }

    private async Task<RateLease> LeaseAsync()
    {
        try
        {
            return await _grains.GetGrain<ISmsRateLeaseGrain>(_accountKey).LeaseAsync(_chunk);
        }
        catch (Exception e)
        {
            throw new RateGateUnavailableException($"The SMS rate gate of account '{_accountKey}' could not be reached: {e.Message}", e);
        }
    }
}

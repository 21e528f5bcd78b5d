using MassCampaign.Vonage;
using MassCampaign.Vonage.RateLimiting;
using MassCampaign.Workflows.Configuration;
using Microsoft.Extensions.Options;

namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// The SMS client's <see cref="IRequestRateGate"/> on a silo: spends tokens leased from the account's
/// <see cref="ISmsRateLeaseGrain"/>, one lease call per chunk instead of one per SMS. Leased tokens expire after a
/// second, so tokens hoarded by an idle silo cannot add to another silo's burst later. Unlimited accounts pass.
/// </summary>
public sealed class ClusterSmsRateGate : IRequestRateGate, IDisposable
{
    private static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(1);

    private readonly IGrainFactory _grains;
    private readonly TimeProvider _time;
    private readonly string _accountKey;
    private readonly bool _unlimited;
    private readonly int _chunk;
    private readonly SemaphoreSlim _leasing = new(1, 1);
    private readonly Lock _lock = new();
    private int _tokens;
    private long _leasedAt;

    public ClusterSmsRateGate(IGrainFactory grains, IOptions<SmsRateLimitOptions> rate, IOptions<VonageOptions> vonage, TimeProvider time)
    {
        _grains = grains;
        _time = time;
        _accountKey = string.IsNullOrEmpty(vonage.Value.ApiKey) ? "default" : vonage.Value.ApiKey;
        _unlimited = rate.Value.IsUnlimited;
        _chunk = Math.Max(1, rate.Value.SmsRequestsPerSecond / 10);
    }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_unlimited || TryTake())
        {
            return;
        }

        // One lease call at a time per silo; the others wait for the tokens it brings, and an empty bucket is waited
        // out while holding the turn, so waiters never turn into a storm of lease calls.
        await _leasing.WaitAsync(cancellationToken);
        try
        {
            while (!TryTake())
            {
                var lease = await LeaseAsync();
                if (lease.Granted > 0)
                {
                    lock (_lock)
                    {
                        _tokens = lease.Granted;
                        _leasedAt = _time.GetTimestamp();
                    }
                }
                else
                {
                    await Task.Delay(lease.RetryAfter, _time, cancellationToken);
                }
            }
        }
        finally
        {
            _leasing.Release();
        }
    }

    public void Dispose() => _leasing.Dispose();

    private bool TryTake()
    {
        lock (_lock)
        {
            if (_tokens > 0 && _time.GetElapsedTime(_leasedAt) < LeaseLifetime)
            {
                _tokens--;
                return true;
            }

            _tokens = 0;
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

using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MassCampaign.Vonage.RateLimiting;

/// <summary>A token bucket for one Vonage account in this process: waiters queue in order and are never refused.</summary>
public sealed class VonageRateLimiter : IRequestRateGate, IAsyncDisposable, IDisposable
{
    // Refilling about 20 times a second keeps the flow even without a timer tick per token.
    private const int RefillsPerSecond = 20;

    private readonly TokenBucketRateLimiter _bucket;

    public VonageRateLimiter(IOptions<VonageOptions> options)
        : this(options.Value.SmsRequestsPerSecond, options.Value.SmsBurst)
    {
    }

    public VonageRateLimiter(int requestsPerSecond, int? burst = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        var tokensPerRefill = (int)Math.Ceiling(requestsPerSecond / (double)RefillsPerSecond);
        RequestsPerSecond = requestsPerSecond;
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokensPerPeriod = tokensPerRefill,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerRefill / (double)requestsPerSecond),
            TokenLimit = Math.Max(burst ?? tokensPerRefill, tokensPerRefill),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public int RequestsPerSecond { get; }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var lease = await _bucket.AcquireAsync(1, cancellationToken);
            if (lease.IsAcquired)
            {
                return;
            }

            // Only an overfull queue refuses a lease; wait one refill and queue again rather than drop the request.
            await Task.Delay(_bucket.ReplenishmentPeriod, cancellationToken);
        }
    }

    public void Dispose() => _bucket.Dispose();

    public ValueTask DisposeAsync() => _bucket.DisposeAsync();
}

using Microsoft.Extensions.Options;

namespace MassCampaign.Vonage.RateLimiting;

/// <summary>The call rate for one process alone: a token bucket of one, so calls leave evenly spaced, never in a burst.</summary>
public sealed class LocalVoiceCallRateGate(IOptions<VonageOptions> options) : IVoiceCallRateGate, IDisposable
{
    private readonly VonageRateLimiter _bucket = new(options.Value.VoiceCallsPerSecond, burst: 1);

    public ValueTask WaitAsync(CancellationToken cancellationToken) => _bucket.WaitAsync(cancellationToken);

    public void Dispose() => _bucket.Dispose();
}

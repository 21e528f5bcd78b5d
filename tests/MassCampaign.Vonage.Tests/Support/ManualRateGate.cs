using MassCampaign.Vonage.RateLimiting;

namespace MassCampaign.Vonage.Tests.Support;

/// <summary>A rate gate that admits a request only when the test hands out a token, so a test sees every wait on it.</summary>
public sealed class ManualRateGate : IRequestRateGate, IDisposable
{
    private readonly SemaphoreSlim _tokens = new(0);

    public void Admit(int requests = 1) => _tokens.Release(requests);

    public ValueTask WaitAsync(CancellationToken cancellationToken) => new(_tokens.WaitAsync(cancellationToken));

    public void Dispose() => _tokens.Dispose();
}

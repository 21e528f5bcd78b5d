namespace MassCampaign.Vonage.RateLimiting;

/// <summary>
/// Admits one provider request at a time at the account's rate. Callers wait; nothing is dropped.
/// The local <see cref="VonageRateLimiter"/> is the default; a cluster can swap in a gate that leases tokens in chunks.
/// </summary>
public interface IRequestRateGate
{
    /// <summary>Completes when one request may be sent; throws only when <paramref name="cancellationToken"/> fires.</summary>
    ValueTask WaitAsync(CancellationToken cancellationToken);
}

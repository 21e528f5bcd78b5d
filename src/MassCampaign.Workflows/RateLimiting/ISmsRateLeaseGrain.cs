namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// The one token bucket of a Vonage account (keyed by its API key) for the whole cluster. Silos lease tokens from it
/// in small chunks, so every host together stays within the account's rate.
/// </summary>
public interface ISmsRateLeaseGrain : IGrainWithStringKey
{
    /// <summary>Leases up to <paramref name="wanted"/> tokens, each with its due time; none granted comes with how long to wait.</summary>
    Task<RateLease> LeaseAsync(int wanted);
}

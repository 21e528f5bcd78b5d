namespace MassCampaign.Workflows.RateLimiting;

/// <summary>
/// The one token bucket of a Vonage account (keyed by its API key) for the whole cluster. Silos lease tokens from it
/// in small chunks, so every host together stays within the account's rate.
/// </summary>
public interface ISmsRateLeaseGrain : IGrainWithStringKey
{
    /// <summary>Takes up to <paramref name="wanted"/> tokens; none granted comes with how long to wait before asking again.</summary>
    Task<RateLease> LeaseAsync(int wanted);
}

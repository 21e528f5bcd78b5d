namespace MassCampaign.Workflows.RateLimiting;

/// <summary>The one call-creation schedule of a Vonage voice application for the whole cluster.</summary>
public interface IVoiceRateLeaseGrain : IGrainWithStringKey
{
    /// <summary>Leases up to <paramref name="wanted"/> call creations, each with its due time; none granted comes with how long to wait.</summary>
    Task<RateLease> LeaseAsync(int wanted);
}

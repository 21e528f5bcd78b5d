using MassCampaign.Workflows.Configuration;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// How many recipients one batch claims (DESIGN.md §4 rule 1): together the campaign's batches never hold more than
/// about a second of sending at its current rate, plus one batch's request concurrency so the provider is never
/// idle. At 30 SMS/s that is a few dozen rows; on an unlimited account it grows with the measured rate.
/// </summary>
internal sealed class ClaimSizer(SendPathOptions options, SmsRateLimitOptions rate)
{
    public int PerBatch(double measuredPerSecond)
    {
        var perSecond = rate.IsUnlimited ? measuredPerSecond : Math.Min(measuredPerSecond, rate.SmsRequestsPerSecond);
        var ahead = perSecond + options.RequestsInFlightPerBatch;
        var perBatch = (int)Math.Ceiling(ahead / Math.Max(1, options.MaxBatchesInFlight));
        return Math.Clamp(perBatch, 1, options.BatchSize);
    }
}

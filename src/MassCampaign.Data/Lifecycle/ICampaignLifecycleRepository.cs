using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Data.Lifecycle;

/// <summary>The campaign row as the lifecycle engine sees it: load, move its status, find campaigns to resume.</summary>
public interface ICampaignLifecycleRepository
{
    Task<CampaignDefinition?> FindAsync(Guid campaignId, CancellationToken ct);

    /// <summary>
    /// Writes status and reason; stamps started_at the first time the campaign leaves draft/scheduled and finished_at
    /// when it reaches a final status. Idempotent: writing the status a row already has changes nothing but updated_at.
    /// </summary>
    /// <returns>False when no such campaign exists.</returns>
    Task<bool> SetStatusAsync(Guid campaignId, CampaignStatus status, string? reason, DateTimeOffset now, CancellationToken ct);

    /// <summary>How many import chunks the campaign has taken; read before the count that may find it finished.</summary>
    Task<long> RecipientGenerationAsync(Guid campaignId, CancellationToken ct);

    /// <summary>
    /// Completes the campaign only if no import chunk has committed since <paramref name="generation"/> was read;
    /// false when one has (its recipients are now to be sent) or the campaign is no longer running.
    /// </summary>
    Task<bool> TryCompleteAsync(Guid campaignId, long generation, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// A stopped or failed campaign has no batch out and nothing left pending: start-up need not look at it again
    /// until its status changes.
    /// </summary>
    Task MarkWoundDownAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Campaigns a starting host must wake: queued, running and paused ones, and stopped or failed ones not marked
    /// wound down that still have recipients pending, sending or deferred (a crash cut their wind-down short).
    /// </summary>
    Task<IReadOnlyList<Guid>> FindUnfinishedAsync(CancellationToken ct);
}

using MassCampaign.Data.Sending;
using MassCampaign.Domain.Telemetry;

namespace MassCampaign.Workflows.Sending;

/// <summary>A batch's claim under a span of its own, for SMS and calls alike.</summary>
internal static class TracedClaims
{
    /// <param name="followUps">A hybrid's follow-ups only (see <see cref="ISendPathRepository.ClaimFollowUpsAsync"/>).</param>
    public static async Task<IReadOnlyList<ClaimedRecipient>> ClaimTracedAsync(
        this ISendPathRepository sendPath, Guid campaignId, bool followUps, IReadOnlyList<string> openZoneKeys, int limit, DateTimeOffset now)
    {
        using var activity = MassCampaignTelemetry.StartCampaignActivity("campaign.claim", campaignId);
        var claimed = followUps
            ? await sendPath.ClaimFollowUpsAsync(campaignId, [.. openZoneKeys], limit, now, CancellationToken.None)
            : await sendPath.ClaimBatchAsync(campaignId, [.. openZoneKeys], limit, now, CancellationToken.None);
        activity?.SetTag("masscampaign.claimed", claimed.Count);
        return claimed;
    }
}

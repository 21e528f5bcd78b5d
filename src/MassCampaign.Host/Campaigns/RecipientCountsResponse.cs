using MassCampaign.Data.Campaigns;

namespace MassCampaign.Host.Campaigns;

/// <summary>How many recipients a campaign has, in all and per status; skipped covers blacklisted and invalid.</summary>
public sealed record RecipientCountsResponse(
    long Total,
    long Pending,
    long Sending,
    long Sent,
    long Delivered,
    long Failed,
    long Skipped,
    long Deferred,
    long Unknown,
    long Cancelled,
    long Expired,
    long Rejected)
{
    public static RecipientCountsResponse From(RecipientCounts counts) => new(
        counts.Total,
        counts["pending"],
        counts["sending"],
        counts["sent"],
        counts["delivered"],
        counts["failed"],
        counts["skipped_blacklisted"] + counts["skipped_invalid"],
        counts["deferred"],
        counts["unknown"],
        counts["cancelled"],
        counts["expired"],
        counts["rejected"]);
}

using MassCampaign.Domain.Recipients;

namespace MassCampaign.Host.Campaigns;

/// <summary>
/// How many recipients a campaign has, in all and per outcome, as <see cref="RecipientTally"/> counts them: skipped
/// covers blacklisted and invalid, failed covers expired and rejected receipts.
/// </summary>
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
    long UnknownUnresolved,
    long Cancelled)
{
    public static RecipientCountsResponse From(RecipientTally tally) => new(
        tally.Total,
        tally.Pending,
        tally.Sending,
        tally.Sent,
        tally.Delivered,
        tally.Failed,
        tally.Skipped,
        tally.Deferred,
        tally.Unknown,
        tally.UnknownUnresolved,
        tally.Cancelled);
}

using MassCampaign.Domain.Recipients;

namespace MassCampaign.Data.Campaigns;

/// <param name="Total">How many campaigns match the filter, over all pages.</param>
/// <param name="Counts">Recipient counts of the campaigns on the page; a campaign without recipients is absent.</param>
public sealed record CampaignPage(IReadOnlyList<CampaignRecord> Items, long Total, IReadOnlyDictionary<Guid, RecipientTally> Counts)
{
    public RecipientTally CountsOf(Guid campaignId) => Counts.GetValueOrDefault(campaignId, RecipientTally.Empty);
}

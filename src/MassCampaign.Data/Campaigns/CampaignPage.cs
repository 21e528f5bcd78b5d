namespace MassCampaign.Data.Campaigns;

/// <param name="Total">How many campaigns match the filter, over all pages.</param>
public sealed record CampaignPage(IReadOnlyList<CampaignRecord> Items, long Total);

namespace MassCampaign.Host.Campaigns;

/// <param name="Total">Campaigns matching the filter over all pages.</param>
public sealed record CampaignListResponse(IReadOnlyList<CampaignResponse> Items, int Page, int PageSize, long Total);

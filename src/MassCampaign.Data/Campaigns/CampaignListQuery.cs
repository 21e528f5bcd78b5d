using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Data.Campaigns;

/// <summary>A page of campaigns, newest first, optionally of one status and one type.</summary>
/// <param name="Page">1-based.</param>
public sealed record CampaignListQuery(CampaignStatus? Status, CampaignType? Type, int Page, int PageSize);

namespace MassCampaign.Data.Reporting;

/// <summary>One page of a campaign's recipients in id order, and how many match the filter in all.</summary>
public sealed record RecipientPage(Guid CampaignId, int Page, int PageSize, long Total, IReadOnlyList<RecipientOutcome> Items);

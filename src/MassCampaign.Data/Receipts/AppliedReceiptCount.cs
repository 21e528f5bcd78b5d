namespace MassCampaign.Data.Receipts;

/// <summary>How many of a campaign's recipients receipts moved to <paramref name="Status"/>.</summary>
public sealed record AppliedReceiptCount(Guid CampaignId, string Status, int Recipients);

namespace MassCampaign.Domain.Campaigns;

/// <summary>settings.hybrid: how a hybrid campaign combines its SMS and its call for each recipient.</summary>
public sealed record HybridSettings(HybridMode Mode);

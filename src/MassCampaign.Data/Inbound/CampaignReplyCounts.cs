namespace MassCampaign.Data.Inbound;

/// <summary>Inbound messages of one campaign by classification, and how many numbers sent them, for the report.</summary>
public sealed record CampaignReplyCounts(long Total, long Replies, long OptOuts, long OptIns, long Help, long Repliers);

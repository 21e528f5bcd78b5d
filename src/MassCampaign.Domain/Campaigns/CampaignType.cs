namespace MassCampaign.Domain.Campaigns;

/// <summary>The channel a campaign uses; a hybrid campaign sends an SMS and places a call.</summary>
public enum CampaignType
{
    Sms,
    Voice,
    Hybrid,
}

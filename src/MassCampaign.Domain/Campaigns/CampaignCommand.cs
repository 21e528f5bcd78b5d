namespace MassCampaign.Domain.Campaigns;

/// <summary>What an operator can ask of a campaign through the API.</summary>
public enum CampaignCommand
{
    Start,
    Pause,
    Resume,
    Stop,

    /// <summary>A new attempt for recipients with chosen outcomes; a completed campaign is queued again for them.</summary>
    Resend,
}

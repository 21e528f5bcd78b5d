namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// Lifecycle of a campaign. Queued means started and waiting for a slot of its type's gate;
/// Completed, Stopped and Failed are final (see <see cref="CampaignTransitions"/>).
/// </summary>
public enum CampaignStatus
{
    Draft,
    Scheduled,
    Queued,
    Running,
    Paused,
    Completed,
    Stopped,
    Failed,
}

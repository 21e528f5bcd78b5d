namespace MassCampaign.Workflows.Campaigns;

/// <summary>How an operator command ended: 202, 404 or 409 over HTTP.</summary>
public enum LifecycleOutcome
{
    Accepted,
    NotFound,
    Conflict,
}

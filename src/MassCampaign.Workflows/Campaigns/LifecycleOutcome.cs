namespace MassCampaign.Workflows.Campaigns;

/// <summary>How an operator command ended: 202, 404, 409 or 501 over HTTP.</summary>
public enum LifecycleOutcome
{
    Accepted,
    NotFound,
    Conflict,

    /// <summary>The command is valid, but this version cannot carry it out (a voice or hybrid campaign's start).</summary>
    NotImplemented,
}

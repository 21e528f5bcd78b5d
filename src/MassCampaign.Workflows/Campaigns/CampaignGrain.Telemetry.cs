using System.Diagnostics;
using MassCampaign.Domain.Telemetry;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>What the campaign reports to the metrics and traces of the host.</summary>
public sealed partial class CampaignGrain
{
    /// <summary>
    /// The span that started the campaign, kept in grain state so the timer's detached batches link to it even after
    /// a reactivation; default when none was recorded (nobody listened when it started).
    /// </summary>
    private ActivityContext StartedBy =>
        ActivityContext.TryParse(Current.StartTraceParent, null, isRemote: true, out var context) ? context : default;

    private static LifecycleResult StartFailed(LifecycleResult result, string reason)
    {
        CampaignMetrics.Add(CampaignMetrics.CampaignStartFailures, 1, "reason", reason);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, reason);
        return result;
    }
}

using System.Diagnostics;
using MassCampaign.Domain.Telemetry;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>A batch handed to a dispatcher under a span of its own, for SMS and calls alike.</summary>
internal static class TracedBatches
{
    /// <summary>
    /// The span is linked to the campaign's start rather than a child of it: the timer sends batches long after the
    /// start request was answered, so each is a trace of its own. It is current only inside this method's flow, which
    /// carries it into the dispatcher's grain call.
    /// </summary>
    public static async Task<BatchReport> SendBatchTracedAsync(
        this ICampaignDispatcher dispatcher, BatchOrder order, Guid campaignId, ActivityContext startedBy)
    {
        using var activity = MassCampaignTelemetry.StartDetachedCampaignActivity("campaign.batch", campaignId, startedBy);
        var report = await dispatcher.SendBatchAsync(order);
        activity?.SetTag("masscampaign.claimed", report.Claimed);
        activity?.SetTag("masscampaign.sent", report.Sent);
        return report;
    }
}

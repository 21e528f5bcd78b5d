using System.Diagnostics;
using MassCampaign.Data.Receipts;
using MassCampaign.Domain.Telemetry;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// A span for each inbox batch the applier folded, with a child per campaign whose recipients it moved, tagged with
/// the campaign's id. Written once the batch has committed, with the batch's own start and end: polls that found
/// nothing leave no span. The receipts' webhook requests are traces of their own; the inbox keeps no trace context.
/// </summary>
internal static class ReceiptTracing
{
    public static void Record(int taken, IReadOnlyList<AppliedReceiptCount> applied, DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        var source = MassCampaignTelemetry.Source;
        if (taken == 0 || !source.HasListeners())
        {
            return;
        }

        using var parent = source.StartActivity("receipts.apply", ActivityKind.Internal, default(ActivityContext), startTime: startedAt);
        if (parent is null)
        {
            return;
        }

        parent.SetTag("masscampaign.receipts", taken);
        foreach (var campaign in applied.GroupBy(a => a.CampaignId))
        {
            using var child = source.StartActivity("receipt.apply", ActivityKind.Internal, parent.Context, startTime: startedAt);
            if (child is null)
            {
                continue;
            }

            child.SetTag(MassCampaignTelemetry.CampaignIdTag, campaign.Key.ToString());
            foreach (var count in campaign)
            {
                child.SetTag($"masscampaign.applied.{count.Status}", count.Recipients);
            }

            child.SetEndTime(endedAt.UtcDateTime);
        }

        parent.SetEndTime(endedAt.UtcDateTime);
    }
}

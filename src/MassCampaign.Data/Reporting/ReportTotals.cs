using MassCampaign.Data.Sending;

namespace MassCampaign.Data.Reporting;

/// <summary>Recipients by outcome; they add up to <see cref="Recipients"/>.</summary>
public sealed record ReportTotals(
    long Recipients,
    long Pending,
    long Sending,
    long Sent,
    long Delivered,
    long Failed,
    long Skipped,
    long Unknown,
    long Cancelled)
{
    /// <summary>Deferred recipients are still waiting to be sent, so they count as pending here.</summary>
    public static ReportTotals From(CampaignProgress progress) => new(
        progress.Total,
        progress.Pending + progress.Deferred,
        progress.Sending,
        progress.Sent,
        progress.Delivered,
        progress.Failed,
        progress.Skipped,
        progress.Unknown,
        progress.Cancelled);
}

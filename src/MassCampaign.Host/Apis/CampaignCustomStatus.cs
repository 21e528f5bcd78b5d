using MassCampaign.Workflows.Campaigns;

namespace MassCampaign.Host.Apis;

/// <summary>
/// Where the campaign is and its recipient counts; pending includes deferred recipients. unknownUnresolved counts the
/// unknown sends still waiting for a receipt, or for the campaign's unknownPolicy once unknownResolveAfter has passed.
/// </summary>
public sealed record CampaignCustomStatus(
    string Phase,
    long Total,
    long Pending,
    long Sending,
    long Sent,
    long Delivered,
    long Failed,
    long Skipped,
    long Unknown,
    long UnknownUnresolved,
    long Cancelled,
    DateTime? NextWindowOpensAt,
    double RatePerSecond,
    int? QueuePosition,
    string? Reason)
{
    public static CampaignCustomStatus From(CampaignStatusView view)
    {
        var p = view.Progress;
        return new CampaignCustomStatus(
            view.Phase, p.Total, p.Pending + p.Deferred, p.Sending, p.Sent, p.Delivered, p.Failed, p.Skipped, p.Unknown,
            p.UnknownUnresolved, p.Cancelled,
            view.NextWindowOpensAt?.UtcDateTime, view.RatePerSecond, view.QueuePosition, view.Reason);
    }
}

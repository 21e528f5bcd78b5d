using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Campaigns;

namespace MassCampaign.Host.Apis;

/// <summary>The final counts, present once the campaign has ended however it ended.</summary>
public sealed record CampaignOutput(
    string Status, string? Reason, long Total, long Sent, long Delivered, long Failed, long Skipped, long Unknown, long Cancelled)
{
    public static CampaignOutput From(CampaignStatusView view)
    {
        var p = view.Progress;
        return new CampaignOutput(
            CampaignStatusNames.ToWire(view.Status), view.Reason, p.Total, p.Sent, p.Delivered, p.Failed, p.Skipped, p.Unknown, p.Cancelled);
    }
}

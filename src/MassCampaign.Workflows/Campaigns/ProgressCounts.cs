using MassCampaign.Data.Sending;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>Recipient counts by outcome, as they cross grain boundaries.</summary>
[GenerateSerializer, Immutable]
public sealed record ProgressCounts(
    [property: Id(0)] long Total,
    [property: Id(1)] long Pending,
    [property: Id(2)] long Sending,
    [property: Id(3)] long Deferred,
    [property: Id(4)] long Sent,
    [property: Id(5)] long Delivered,
    [property: Id(6)] long Failed,
    [property: Id(7)] long Skipped,
    [property: Id(8)] long Unknown,
    [property: Id(9)] long Cancelled)
{
    /// <summary>Nothing left pending, sending or deferred: the campaign may complete.</summary>
    public bool IsFinished => Pending == 0 && Sending == 0 && Deferred == 0;

    public static ProgressCounts From(CampaignProgress p) =>
        new(p.Total, p.Pending, p.Sending, p.Deferred, p.Sent, p.Delivered, p.Failed, p.Skipped, p.Unknown, p.Cancelled);
}

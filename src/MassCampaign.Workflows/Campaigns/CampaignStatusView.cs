using MassCampaign.Domain.Campaigns;
using MassCampaign.Domain.Recipients;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>Everything a status read shows: the campaign, where its lifecycle is, and its recipient counts.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignStatusView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] CampaignType Type,
    [property: Id(3)] CampaignStatus Status,
    [property: Id(4)] string? Reason,
    [property: Id(5)] string Phase,
    [property: Id(6)] RecipientTally Progress,
    [property: Id(7)] DateTimeOffset? NextWindowOpensAt,
    [property: Id(8)] double RatePerSecond,
    [property: Id(9)] int? QueuePosition,
    [property: Id(10)] string Sender,
    [property: Id(11)] string? SmsTemplate,
    [property: Id(12)] DateTimeOffset CreatedAt,
    [property: Id(13)] DateTimeOffset UpdatedAt,
    [property: Id(14)] bool Settled)
{
    /// <summary>Ended and settled: no batch is out any more, so the counts are final.</summary>
    public bool IsFinished => CampaignTransitions.IsTerminal(Status) && Settled;
}

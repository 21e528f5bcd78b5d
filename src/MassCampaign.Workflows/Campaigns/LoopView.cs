using MassCampaign.Data.Lifecycle;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// What a send-loop tick reads of the campaign: its definition, where its lifecycle stands, and how it settles sends
/// that may or may not have reached the provider.
/// </summary>
internal sealed record LoopView(
    CampaignDefinition Campaign,
    CampaignStatus Status,
    string Phase,
    DateTimeOffset? NextWindowOpensAt,
    bool WoundDown,
    TimeSpan UnknownResolveAfter,
    bool ResendUnknowns)
{
    /// <summary>The span that started the campaign, for the batches' spans to link to; default when unknown.</summary>
    public System.Diagnostics.ActivityContext StartedBy { get; init; }
}

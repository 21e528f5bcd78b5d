using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>The campaign grain's persisted state; the campaigns row in PostgreSQL always carries the same status.</summary>
public sealed class CampaignState
{
    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;

    public string? Reason { get; set; }

    public string Phase { get; set; } = CampaignPhases.Of(CampaignStatus.Draft);

    /// <summary>1-based place in the gate's queue while queued.</summary>
    public int? QueuePosition { get; set; }

    public DateTimeOffset? NextWindowOpensAt { get; set; }

    /// <summary>A finished campaign has released its slot, dropped its reminder and cancelled what was left.</summary>
    public bool WoundDown { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The W3C traceparent of the span that started the campaign, when one was recorded: later work links to it.</summary>
    public string? StartTraceParent { get; set; }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MassCampaign.Domain.Telemetry;

/// <summary>
/// The one meter and the one activity source of MassCampaign, both named "MassCampaign". They live here because every
/// layer references Domain; nothing in Domain's rules reports through them. Static, as the runtime's own sources are:
/// a listener (the host's OpenTelemetry providers, a test) picks them up by name.
/// </summary>
public static class MassCampaignTelemetry
{
    public const string Name = "MassCampaign";

    /// <summary>The tag every campaign span carries, so one campaign's work can be found across traces.</summary>
    public const string CampaignIdTag = "masscampaign.campaign_id";

    public static Meter Meter { get; } = new(Name);

    public static ActivitySource Source { get; } = new(Name);

    /// <summary>A span of ours for one campaign, a child of the current activity; null when nobody listens.</summary>
    public static Activity? StartCampaignActivity(string name, Guid campaignId, ActivityKind kind = ActivityKind.Internal)
    {
        var activity = Source.HasListeners() ? Source.StartActivity(name, kind) : null;
        activity?.SetTag(CampaignIdTag, campaignId.ToString());
        return activity;
    }

    /// <summary>
    /// A root span for work the campaign's timer started, linked to the span that started the campaign (when this
    /// activation saw the start): the work is caused by the start but runs long after its request was answered, so
    /// it gets a trace of its own instead of stretching the request's. Call it from the async method that runs the
    /// work: the new current activity stays in that method's flow and never reaches its caller.
    /// </summary>
    public static Activity? StartDetachedCampaignActivity(string name, Guid campaignId, ActivityContext startedBy)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity.Current = null;
        ActivityLink[] links = startedBy == default ? [] : [new ActivityLink(startedBy)];
        var tags = new ActivityTagsCollection { [CampaignIdTag] = campaignId.ToString() };
        return Source.StartActivity(name, ActivityKind.Internal, default(ActivityContext), tags, links);
    }
}

using MassCampaign.Data.Voice;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Campaigns;

namespace MassCampaign.Host.Apis;

/// <summary>The status of a campaign in the shape of a Durable Functions orchestration status.</summary>
public sealed record CampaignStatusResponse(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    CampaignInput Input,
    CampaignCustomStatus CustomStatus,
    CampaignOutput? Output,
    DateTime CreatedTime,
    DateTime LastUpdatedTime)
{
    /// <param name="calls">The campaign's calls, for voice and hybrid campaigns; null for SMS.</param>
    public static CampaignStatusResponse From(CampaignStatusView view, CallTally? calls = null) => new(
        OrchestrationName(view.Type),
        view.Id.ToString(),
        RuntimeStatusOf(view.Status),
        new CampaignInput(CampaignTypeNames.ToWire(view.Type), view.Name, view.Sender, view.SmsTemplate),
        CampaignCustomStatus.From(view, calls),
        view.IsFinished ? CampaignOutput.From(view) : null,
        view.CreatedAt.UtcDateTime,
        view.UpdatedAt.UtcDateTime);

    /// <summary>draft, scheduled and queued are all "not started yet" to a Durable client.</summary>
    public static string RuntimeStatusOf(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft or CampaignStatus.Scheduled or CampaignStatus.Queued => "Pending",
        CampaignStatus.Running => "Running",
        CampaignStatus.Paused => "Suspended",
        CampaignStatus.Completed => "Completed",
        CampaignStatus.Stopped => "Terminated",
        CampaignStatus.Failed => "Failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown campaign status."),
    };

    private static string OrchestrationName(CampaignType type) => type switch
    {
        CampaignType.Sms => "SmsCampaign",
        CampaignType.Voice => "VoiceCampaign",
        _ => "HybridCampaign",
    };
}

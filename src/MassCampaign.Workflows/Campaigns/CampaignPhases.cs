using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>What a campaign is doing within its status, as customStatus.phase shows it.</summary>
public static class CampaignPhases
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string WaitingForWindow = "waiting-for-window";
    public const string WaitingForRetry = "waiting-for-retry";

    /// <summary>Only unknown sends are left, each waiting for its receipt or for the campaign's unknownPolicy.</summary>
    public const string WaitingForReceipts = "waiting-for-receipts";
    public const string Paused = "paused";

    /// <summary>The phase a status starts in; running campaigns refine it as the send loop learns more.</summary>
    public static string Of(CampaignStatus status) => status switch
    {
        CampaignStatus.Queued => Queued,
        CampaignStatus.Running => Sending,
        CampaignStatus.Paused => Paused,
        _ => CampaignStatusNames.ToWire(status),
    };
}

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
    /// <summary>Nothing is left to send, but outcomes that may ask for more are still to come (calls in progress, receipts a follow-up hangs on).</summary>
    public const string WaitingForOutcomes = "waiting-for-outcomes";
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

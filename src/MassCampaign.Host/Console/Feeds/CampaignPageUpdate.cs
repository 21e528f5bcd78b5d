using MassCampaign.Data.Inbound;

namespace MassCampaign.Host.OperatorConsole.Feeds;

/// <summary>What the campaign page refreshes each second: progress and phase, the next window, and replies newer than it has.</summary>
/// <param name="NextWindowOpensAt">UTC; null while the window is open or nothing waits for it.</param>
/// <param name="Replies">Newest first; only those after the last one the page already shows.</param>
public sealed record CampaignPageUpdate(
    CampaignProgress Progress,
    string Phase,
    string? Reason,
    DateTimeOffset? NextWindowOpensAt,
    double RatePerSecond,
    int? QueuePosition,
    CampaignReplyCounts ReplyCounts,
    IReadOnlyList<ReplyItem> Replies);

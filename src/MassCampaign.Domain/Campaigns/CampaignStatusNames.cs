using System.Diagnostics.CodeAnalysis;

namespace MassCampaign.Domain.Campaigns;

/// <summary>The lower-case names a campaign status has in JSON and in the database.</summary>
public static class CampaignStatusNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<CampaignStatus>().Select(ToWire).ToArray();

    public static string ToWire(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "draft",
        CampaignStatus.Scheduled => "scheduled",
        CampaignStatus.Queued => "queued",
        CampaignStatus.Running => "running",
        CampaignStatus.Paused => "paused",
        CampaignStatus.Completed => "completed",
        CampaignStatus.Stopped => "stopped",
        CampaignStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown campaign status."),
    };

    /// <summary>Parses a wire name ignoring case; numbers are rejected.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CampaignStatus status) =>
        WireNames.TryParse(text, ToWire, out status);
}

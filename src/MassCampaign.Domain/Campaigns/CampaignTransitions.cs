using System.Collections.Frozen;
using static MassCampaign.Domain.Campaigns.CampaignStatus;

namespace MassCampaign.Domain.Campaigns;

/// <summary>The campaign status state machine: the only place that says which status may follow which.</summary>
public static class CampaignTransitions
{
    private static readonly (CampaignStatus From, CampaignStatus To)[] Table =
    [
        (Draft, Scheduled), (Draft, Queued), (Draft, Running), (Draft, Stopped),
        (Scheduled, Queued), (Scheduled, Running), (Scheduled, Stopped), (Scheduled, Failed),
        (Queued, Running), (Queued, Stopped), (Queued, Failed),
        (Running, Paused), (Running, Completed), (Running, Stopped), (Running, Failed),
        (Paused, Running), (Paused, Stopped), (Paused, Failed),
        // Only a resend reopens a completed campaign: its chosen recipients get a new attempt, through the gate again.
        (Completed, Queued),
    ];

    private static readonly FrozenDictionary<CampaignStatus, IReadOnlyList<CampaignStatus>> Successors =
        Enum.GetValues<CampaignStatus>().ToFrozenDictionary(
            status => status,
            status => (IReadOnlyList<CampaignStatus>)Table.Where(t => t.From == status).Select(t => t.To).ToArray());

    public static bool IsAllowed(CampaignStatus from, CampaignStatus to) => Table.Contains((from, to));

    /// <summary>Completed, stopped and failed campaigns have ended; only an operator's resend reopens a completed one.</summary>
    public static bool IsTerminal(CampaignStatus status) => status is Completed or Stopped or Failed;

    public static IReadOnlyList<CampaignStatus> AllowedFrom(CampaignStatus status) => Successors[status];

    public static TransitionCheck Check(CampaignStatus from, CampaignStatus to) =>
        IsAllowed(from, to) ? new(from, to, true, null) : new(from, to, false, WhyNot(from, to));

    private static string WhyNot(CampaignStatus from, CampaignStatus to)
    {
        var fromName = CampaignStatusNames.ToWire(from);
        if (from == to)
        {
            return $"The campaign is already {fromName}.";
        }

        var cannot = $"A {fromName} campaign cannot be {Verb(to)}";
        if (IsTerminal(from))
        {
            return $"{cannot}; {fromName} is a final status.";
        }

        var options = AllowedFrom(from).Select(CampaignStatusNames.ToWire);
        return $"{cannot}; from {fromName} it can only become {Phrases.JoinWithOr(options)}.";
    }

    private static string Verb(CampaignStatus to) => to switch
    {
        Draft => "turned back into a draft",
        Scheduled => "scheduled",
        Queued => "queued to start",
        Running => "resumed",
        Paused => "paused",
        Completed => "completed",
        Stopped => "stopped",
        Failed => "marked as failed",
        _ => throw new ArgumentOutOfRangeException(nameof(to), to, "Unknown campaign status."),
    };
}

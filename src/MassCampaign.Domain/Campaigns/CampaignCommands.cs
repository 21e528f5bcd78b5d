using System.Diagnostics;
using static MassCampaign.Domain.Campaigns.CampaignStatus;

namespace MassCampaign.Domain.Campaigns;

/// <summary>
/// Maps operator commands onto the state machine. Start queues the campaign (the engine moves it to
/// running when its type's gate has a free slot), including a scheduled one, which then starts now;
/// pause is only for a running campaign, resume only for a paused one; stop ends any unfinished campaign.
/// </summary>
public static class CampaignCommands
{
    public static CommandDecision TargetOf(CampaignCommand command, CampaignStatus current)
    {
        var target = DesiredTarget(command, current);
        if (target is { } status && (status == current || CampaignTransitions.IsAllowed(current, status)))
        {
            return new CommandDecision(command, current, status, null);
        }

        return new CommandDecision(command, current, null, WhyNot(command, current));
    }

    private static CampaignStatus? DesiredTarget(CampaignCommand command, CampaignStatus current) => command switch
    {
        CampaignCommand.Start when current is Draft or Scheduled => Queued,
        CampaignCommand.Pause when current is Running => Paused,
        CampaignCommand.Resume when current is Paused => Running,
        CampaignCommand.Stop when !CampaignTransitions.IsTerminal(current) => Stopped,
        // A running or paused campaign takes the reopened recipients as they are; a completed one goes back to its gate.
        CampaignCommand.Resend when current is Running or Paused => current,
        CampaignCommand.Resend when current is Completed => Queued,
        _ => null,
    };

    private static string WhyNot(CampaignCommand command, CampaignStatus current)
    {
        var currentName = CampaignStatusNames.ToWire(current);
        if (command == CampaignCommand.Stop && current == Stopped)
        {
            return "The campaign is already stopped.";
        }

        if (command == CampaignCommand.Resend)
        {
            return CampaignTransitions.IsTerminal(current)
                ? $"A {currentName} campaign cannot resend; only a running, paused or completed campaign can."
                : $"Nothing has been sent yet; the campaign is {Describe(current)}. Resend applies once it runs.";
        }

        if (CampaignTransitions.IsTerminal(current))
        {
            return $"A {currentName} campaign cannot be {PastParticiple(command)}; {currentName} is a final status.";
        }

        return (command, current) switch
        {
            (CampaignCommand.Start, Queued or Running) => $"The campaign has already started; it is {currentName}.",
            (CampaignCommand.Start, Paused) => "A paused campaign cannot be started again; resume it instead.",
            (CampaignCommand.Pause, Paused) => "The campaign is already paused.",
            (CampaignCommand.Pause, _) => $"Only a running campaign can be paused; this one is {Describe(current)}.",
            (CampaignCommand.Resume, Running) => "The campaign is already running.",
            (CampaignCommand.Resume, _) => $"Only a paused campaign can be resumed; this one is {Describe(current)}.",
            _ => throw new UnreachableException($"{command} of a {currentName} campaign has no refusal reason."),
        };
    }

    private static string Describe(CampaignStatus status) =>
        status == Draft ? "a draft" : CampaignStatusNames.ToWire(status);

    private static string PastParticiple(CampaignCommand command) => command switch
    {
        CampaignCommand.Start => "started",
        CampaignCommand.Pause => "paused",
        CampaignCommand.Resume => "resumed",
        CampaignCommand.Stop => "stopped",
        CampaignCommand.Resend => "resent",
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown campaign command."),
    };
}

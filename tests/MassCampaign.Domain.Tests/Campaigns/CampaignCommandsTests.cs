using MassCampaign.Domain.Campaigns;
using static MassCampaign.Domain.Campaigns.CampaignCommand;
using static MassCampaign.Domain.Campaigns.CampaignStatus;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class CampaignCommandsTests
{
    private static readonly Dictionary<(CampaignCommand, CampaignStatus), CampaignStatus> Expected = new()
    {
        [(Start, Draft)] = Queued,
        [(Start, Scheduled)] = Queued,
        [(Pause, Running)] = Paused,
        [(Resume, Paused)] = Running,
        [(Stop, Draft)] = Stopped,
        [(Stop, Scheduled)] = Stopped,
        [(Stop, Queued)] = Stopped,
        [(Stop, Running)] = Stopped,
        [(Stop, Paused)] = Stopped,
        [(Resend, Running)] = Running,
        [(Resend, Paused)] = Paused,
        [(Resend, Completed)] = Queued,
    };

    private static IEnumerable<(CampaignCommand Command, CampaignStatus Status)> AllPairs() =>
        from c in Enum.GetValues<CampaignCommand>()
        from s in Enum.GetValues<CampaignStatus>()
        select (c, s);

    public static TheoryData<CampaignCommand, CampaignStatus, CampaignStatus> AcceptedCommands()
    {
        var data = new TheoryData<CampaignCommand, CampaignStatus, CampaignStatus>();
        foreach (var ((command, current), target) in Expected)
        {
            data.Add(command, current, target);
        }

        return data;
    }

    public static TheoryData<CampaignCommand, CampaignStatus> RefusedCommands()
    {
        var data = new TheoryData<CampaignCommand, CampaignStatus>();
        foreach (var (command, current) in AllPairs().Where(p => !Expected.ContainsKey(p)))
        {
            data.Add(command, current);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AcceptedCommands))]
    public void Accepted_command_moves_to_a_status_the_state_machine_allows(
        CampaignCommand command, CampaignStatus current, CampaignStatus target)
    {
        var decision = CampaignCommands.TargetOf(command, current);

        Assert.Equal(new CommandDecision(command, current, target, null), decision);
        Assert.True(decision.IsAccepted);
        Assert.True(target == current || CampaignTransitions.IsAllowed(current, target));
    }

    [Theory]
    [MemberData(nameof(RefusedCommands))]
    public void Refused_command_has_no_target_and_a_sentence_naming_the_current_status(
        CampaignCommand command, CampaignStatus current)
    {
        var decision = CampaignCommands.TargetOf(command, current);

        Assert.False(decision.IsAccepted);
        Assert.Null(decision.Target);
        Assert.Equal((command, current), (decision.Command, decision.From));
        Assert.Contains(CampaignStatusNames.ToWire(current), decision.Reason);
        Assert.EndsWith(".", decision.Reason);
    }

    [Fact]
    public void Every_command_status_pair_is_covered_and_twelve_are_accepted()
    {
        Assert.Equal(40, AllPairs().Count());
        Assert.Equal(12, AllPairs().Count(p => CampaignCommands.TargetOf(p.Command, p.Status).IsAccepted));
    }

    [Theory]
    [InlineData(Resume, Completed, "A completed campaign cannot be resumed; completed is a final status.")]
    [InlineData(Start, Completed, "A completed campaign cannot be started; completed is a final status.")]
    [InlineData(Pause, Failed, "A failed campaign cannot be paused; failed is a final status.")]
    [InlineData(Stop, Completed, "A completed campaign cannot be stopped; completed is a final status.")]
    [InlineData(Stop, Stopped, "The campaign is already stopped.")]
    [InlineData(Start, Running, "The campaign has already started; it is running.")]
    [InlineData(Start, Queued, "The campaign has already started; it is queued.")]
    [InlineData(Start, Paused, "A paused campaign cannot be started again; resume it instead.")]
    [InlineData(Pause, Paused, "The campaign is already paused.")]
    [InlineData(Pause, Queued, "Only a running campaign can be paused; this one is queued.")]
    [InlineData(Pause, Draft, "Only a running campaign can be paused; this one is a draft.")]
    [InlineData(Resume, Running, "The campaign is already running.")]
    [InlineData(Resume, Scheduled, "Only a paused campaign can be resumed; this one is scheduled.")]
    [InlineData(Resume, Draft, "Only a paused campaign can be resumed; this one is a draft.")]
    [InlineData(Resend, Stopped, "A stopped campaign cannot resend; only a running, paused or completed campaign can.")]
    [InlineData(Resend, Queued, "Nothing has been sent yet; the campaign is queued. Resend applies once it runs.")]
    public void Refusal_reason_tells_the_operator_what_is_wrong(CampaignCommand command, CampaignStatus current, string reason)
    {
        Assert.Equal(reason, CampaignCommands.TargetOf(command, current).Reason);
    }

    [Fact]
    public void Start_of_a_draft_queues_it_for_the_gate_rather_than_running_it_directly()
    {
        Assert.Equal(Queued, CampaignCommands.TargetOf(Start, Draft).Target);
    }
}

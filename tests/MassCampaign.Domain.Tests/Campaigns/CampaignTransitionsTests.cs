using MassCampaign.Domain.Campaigns;
using static MassCampaign.Domain.Campaigns.CampaignStatus;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class CampaignTransitionsTests
{
    // The specification, written out independently of the production table.
    private static readonly HashSet<(CampaignStatus, CampaignStatus)> Expected =
    [
        (Draft, Scheduled), (Draft, Queued), (Draft, Running),
        (Scheduled, Queued), (Scheduled, Running),
        (Queued, Running),
        (Running, Paused), (Paused, Running), (Running, Completed),
        (Draft, Stopped), (Scheduled, Stopped), (Queued, Stopped), (Running, Stopped), (Paused, Stopped),
        (Scheduled, Failed), (Queued, Failed), (Running, Failed), (Paused, Failed),
        (Completed, Queued),
    ];

    private static IEnumerable<(CampaignStatus From, CampaignStatus To)> AllPairs() =>
        from f in Enum.GetValues<CampaignStatus>()
        from t in Enum.GetValues<CampaignStatus>()
        select (f, t);

    public static TheoryData<CampaignStatus, CampaignStatus> AllowedPairs() => Pairs(allowed: true);

    public static TheoryData<CampaignStatus, CampaignStatus> ForbiddenPairs() => Pairs(allowed: false);

    private static TheoryData<CampaignStatus, CampaignStatus> Pairs(bool allowed)
    {
        var data = new TheoryData<CampaignStatus, CampaignStatus>();
        foreach (var (from, to) in AllPairs().Where(p => Expected.Contains(p) == allowed))
        {
            data.Add(from, to);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void Allowed_transition_is_permitted_without_a_reason(CampaignStatus from, CampaignStatus to)
    {
        Assert.True(CampaignTransitions.IsAllowed(from, to));
        Assert.Equal(new TransitionCheck(from, to, true, null), CampaignTransitions.Check(from, to));
        Assert.Contains(to, CampaignTransitions.AllowedFrom(from));
    }

    [Theory]
    [MemberData(nameof(ForbiddenPairs))]
    public void Forbidden_transition_is_rejected_with_a_sentence_naming_the_current_status(CampaignStatus from, CampaignStatus to)
    {
        var check = CampaignTransitions.Check(from, to);

        Assert.False(CampaignTransitions.IsAllowed(from, to));
        Assert.False(check.IsAllowed);
        Assert.Equal((from, to), (check.From, check.To));
        Assert.NotNull(check.Reason);
        Assert.Contains(CampaignStatusNames.ToWire(from), check.Reason);
        Assert.EndsWith(".", check.Reason);
        Assert.DoesNotContain(to, CampaignTransitions.AllowedFrom(from));
    }

    [Fact]
    public void There_are_64_pairs_of_which_19_are_allowed()
    {
        Assert.Equal(64, AllPairs().Count());
        Assert.Equal(19, AllPairs().Count(p => CampaignTransitions.IsAllowed(p.From, p.To)));
    }

    [Theory]
    [InlineData(Stopped)]
    [InlineData(Failed)]
    public void Stopped_and_failed_are_terminal_with_no_way_out(CampaignStatus status)
    {
        Assert.True(CampaignTransitions.IsTerminal(status));
        Assert.Empty(CampaignTransitions.AllowedFrom(status));
    }

    [Fact]
    public void A_completed_campaign_has_ended_and_only_goes_back_to_its_queue()
    {
        Assert.True(CampaignTransitions.IsTerminal(Completed));
        Assert.Equal([Queued], CampaignTransitions.AllowedFrom(Completed));
    }

    [Theory]
    [InlineData(Draft)]
    [InlineData(Scheduled)]
    [InlineData(Queued)]
    [InlineData(Running)]
    [InlineData(Paused)]
    public void Unfinished_status_is_not_terminal_and_can_always_be_stopped(CampaignStatus status)
    {
        Assert.False(CampaignTransitions.IsTerminal(status));
        Assert.True(CampaignTransitions.IsAllowed(status, Stopped));
    }

    [Fact]
    public void Every_status_is_reachable_from_draft()
    {
        var reached = new HashSet<CampaignStatus> { Draft };
        var frontier = new Queue<CampaignStatus>([Draft]);
        while (frontier.TryDequeue(out var status))
        {
            foreach (var next in CampaignTransitions.AllowedFrom(status).Where(reached.Add))
            {
                frontier.Enqueue(next);
            }
        }

        Assert.Equal(Enum.GetValues<CampaignStatus>().ToHashSet(), reached);
    }

    [Fact]
    public void Nothing_leads_back_to_draft()
    {
        Assert.All(Enum.GetValues<CampaignStatus>(), s => Assert.False(CampaignTransitions.IsAllowed(s, Draft)));
    }

    [Theory]
    [InlineData(Completed, Running, "A completed campaign cannot be resumed; completed is a final status.")]
    [InlineData(Stopped, Paused, "A stopped campaign cannot be paused; stopped is a final status.")]
    [InlineData(Failed, Queued, "A failed campaign cannot be queued to start; failed is a final status.")]
    [InlineData(Running, Running, "The campaign is already running.")]
    [InlineData(Completed, Completed, "The campaign is already completed.")]
    [InlineData(Draft, Paused, "A draft campaign cannot be paused; from draft it can only become scheduled, queued, running or stopped.")]
    [InlineData(Queued, Paused, "A queued campaign cannot be paused; from queued it can only become running, stopped or failed.")]
    [InlineData(Paused, Completed, "A paused campaign cannot be completed; from paused it can only become running, stopped or failed.")]
    [InlineData(Draft, Failed, "A draft campaign cannot be marked as failed; from draft it can only become scheduled, queued, running or stopped.")]
    [InlineData(Running, Draft, "A running campaign cannot be turned back into a draft; from running it can only become paused, completed, stopped or failed.")]
    public void Rejection_reason_says_what_cannot_happen_and_why(CampaignStatus from, CampaignStatus to, string reason)
    {
        Assert.Equal(reason, CampaignTransitions.Check(from, to).Reason);
    }
}

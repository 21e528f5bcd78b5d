using MassCampaign.Domain.Voice;

namespace MassCampaign.Domain.Tests.Voice;

public sealed class CallProgressTests
{
    private static CallOutcome? Fold(params string[] statuses) =>
        CallProgress.Fold(statuses, statuses.Select(_ => (string?)null), "9");

    private static CallOutcome? FoldWithDigits(params (string Status, string? Digits)[] events) =>
        CallProgress.Fold(events.Select(e => e.Status), events.Select(e => e.Digits), "9");

    private static IEnumerable<string[]> Permutations(string[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => (string[])[item, .. rest]));

    [Theory]
    [InlineData("completed")]
    [InlineData("busy")]
    [InlineData("cancelled")]
    [InlineData("unanswered")]
    [InlineData("rejected")]
    [InlineData("failed")]
    [InlineData("timeout")]
    [InlineData("COMPLETED")]
    public void Final_events_end_the_call(string status)
    {
        Assert.True(CallProgress.IsFinalEvent(status));
    }

    [Theory]
    [InlineData("started")]
    [InlineData("ringing")]
    [InlineData("answered")]
    [InlineData("machine")]
    [InlineData("human")]
    [InlineData("input")]
    [InlineData("")]
    public void Other_events_do_not(string status)
    {
        Assert.False(CallProgress.IsFinalEvent(status));
    }

    [Theory]
    [InlineData]
    [InlineData("started")]
    [InlineData("started", "ringing")]
    [InlineData("started", "ringing", "answered")]
    [InlineData("started", "ringing", "answered", "machine")]
    [InlineData("started", "ringing", "answered", "human", "input")]
    public void A_call_without_a_final_event_has_no_outcome_yet(params string[] statuses)
    {
        Assert.Null(Fold(statuses));
    }

    [Theory]
    [InlineData(CallOutcome.Answered, "started", "ringing", "answered", "completed")]
    [InlineData(CallOutcome.Answered, "started", "ringing", "answered", "human", "input", "completed")]
    [InlineData(CallOutcome.Voicemail, "started", "ringing", "answered", "machine", "completed")]
    [InlineData(CallOutcome.Busy, "started", "busy")]
    [InlineData(CallOutcome.NoAnswer, "started", "ringing", "timeout")]
    [InlineData(CallOutcome.NoAnswer, "started", "ringing", "unanswered")]
    [InlineData(CallOutcome.NoAnswer, "started", "ringing", "cancelled")]
    [InlineData(CallOutcome.NoAnswer, "started", "ringing", "completed")]
    [InlineData(CallOutcome.Failed, "started", "failed")]
    [InlineData(CallOutcome.Failed, "started", "rejected")]
    public void The_final_event_decides_the_outcome(CallOutcome expected, params string[] statuses)
    {
        Assert.Equal(expected, Fold(statuses));
    }

    [Theory]
    [InlineData(CallOutcome.Busy, "busy")]
    [InlineData(CallOutcome.Failed, "failed")]
    [InlineData(CallOutcome.Failed, "rejected")]
    [InlineData(CallOutcome.NoAnswer, "timeout")]
    [InlineData(CallOutcome.NoAnswer, "unanswered")]
    [InlineData(CallOutcome.NoAnswer, "cancelled")]
    public void A_specific_end_wins_over_the_completed_vonage_sends_after_it_in_either_order(CallOutcome expected, string status)
    {
        Assert.Equal(expected, Fold("started", "ringing", status, "completed"));
        Assert.Equal(expected, Fold("completed", "started", status));
    }

    [Theory]
    [InlineData(CallOutcome.Answered, "started", "ringing", "answered", "human", "completed")]
    [InlineData(CallOutcome.Voicemail, "started", "ringing", "answered", "machine", "completed")]
    [InlineData(CallOutcome.Busy, "started", "ringing", "busy", "completed")]
    [InlineData(CallOutcome.NoAnswer, "started", "ringing", "timeout", "completed")]
    public void The_outcome_does_not_depend_on_the_order_events_arrive_in(CallOutcome expected, params string[] statuses)
    {
        Assert.All(Permutations(statuses), order => Assert.Equal(expected, Fold(order)));
    }

    [Fact]
    public void Repeated_events_change_nothing()
    {
        Assert.Equal(CallOutcome.Answered, Fold("ringing", "ringing", "answered", "answered", "completed", "completed"));
        Assert.Equal(CallOutcome.Voicemail, Fold("answered", "machine", "machine", "completed", "completed"));
        Assert.Null(Fold("ringing", "ringing", "answered", "answered"));
    }

    [Fact]
    public void Machine_detection_proves_the_answer_when_the_answered_event_was_lost()
    {
        Assert.Equal(CallOutcome.Voicemail, Fold("started", "machine", "completed"));
        Assert.Equal(CallOutcome.Answered, Fold("started", "human", "completed"));
    }

    [Fact]
    public void Statuses_match_ignoring_case()
    {
        Assert.Equal(CallOutcome.Voicemail, Fold("Answered", "MACHINE", "Completed"));
    }

    [Fact]
    public void The_opt_out_key_opts_out_at_once_even_before_the_call_ends()
    {
        Assert.Equal(CallOutcome.OptedOut, FoldWithDigits(("answered", null), ("input", "9")));
    }

    [Fact]
    public void The_opt_out_key_wins_over_every_final_event()
    {
        Assert.Equal(CallOutcome.OptedOut, FoldWithDigits(("answered", null), ("input", "9"), ("completed", null)));
        Assert.Equal(CallOutcome.OptedOut, FoldWithDigits(("completed", null), ("failed", null), ("input", "9")));
    }

    [Fact]
    public void Other_keys_leave_the_outcome_to_the_events()
    {
        Assert.Null(FoldWithDigits(("answered", null), ("input", "1")));
        Assert.Equal(CallOutcome.Answered, FoldWithDigits(("answered", null), ("input", "1"), ("completed", null)));
        Assert.Equal(CallOutcome.Answered, FoldWithDigits(("answered", null), ("input", ""), ("completed", null)));
    }

    [Fact]
    public void The_campaigns_own_opt_out_key_is_the_one_that_counts()
    {
        var statuses = new[] { "answered", "input" };

        Assert.Equal(CallOutcome.OptedOut, CallProgress.Fold(statuses, [null, "#"], "#"));
        Assert.Null(CallProgress.Fold(statuses, [null, "9"], "#"));
    }
}

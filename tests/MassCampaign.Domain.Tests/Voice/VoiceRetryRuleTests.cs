using MassCampaign.Domain.Campaigns;
using MassCampaign.Domain.Voice;
using NodaTime;

namespace MassCampaign.Domain.Tests.Voice;

public sealed class VoiceRetryRuleTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 14, 0, 0, TimeSpan.Zero);

    // No answer: 3 calls 1 hour apart; busy: 2 calls 10 minutes apart; failed: 2 calls 2 days apart; 3 calls a day.
    private static readonly VoiceSettings Voice = VoiceSettings.Default with
    {
        Retry = new VoiceRetryPolicy(
            new VoiceRetry(3, Duration.FromHours(1)),
            new VoiceRetry(2, Duration.FromMinutes(10)),
            new VoiceRetry(2, Duration.FromDays(2))),
    };

    [Theory]
    [InlineData(CallOutcome.NoAnswer, 60)]
    [InlineData(CallOutcome.Busy, 10)]
    [InlineData(CallOutcome.Failed, 2 * 24 * 60)]
    public void A_retryable_outcome_calls_again_after_its_wait(CallOutcome outcome, int minutes)
    {
        Assert.Equal(Now.AddMinutes(minutes), VoiceRetryRule.RetryAt(outcome, 1, 1, Voice, Now));
    }

    [Theory]
    [InlineData(CallOutcome.Answered)]
    [InlineData(CallOutcome.Voicemail)]
    [InlineData(CallOutcome.OptedOut)]
    public void A_call_that_reached_the_recipient_is_never_retried(CallOutcome outcome)
    {
        Assert.Null(VoiceRetryRule.RetryAt(outcome, 1, 1, Voice, Now));
    }

    [Fact]
    public void Max_attempts_counts_the_first_call()
    {
        Assert.NotNull(VoiceRetryRule.RetryAt(CallOutcome.NoAnswer, 2, 2, Voice, Now));
        Assert.Null(VoiceRetryRule.RetryAt(CallOutcome.NoAnswer, 3, 2, Voice, Now));
        Assert.Null(VoiceRetryRule.RetryAt(CallOutcome.Busy, 2, 2, Voice, Now));
        Assert.Null(VoiceRetryRule.RetryAt(CallOutcome.NoAnswer, 7, 1, Voice, Now));
    }

    [Fact]
    public void The_default_policy_calls_once()
    {
        Assert.All(
            new[] { CallOutcome.NoAnswer, CallOutcome.Busy, CallOutcome.Failed },
            outcome => Assert.Null(VoiceRetryRule.RetryAt(outcome, 1, 1, VoiceSettings.Default, Now)));
    }

    [Fact]
    public void The_attempts_of_each_outcome_count_all_calls_made()
    {
        // Two calls so far (say busy, then no answer): busy allows 2 calls in all, so it is not retried again.
        Assert.Null(VoiceRetryRule.RetryAt(CallOutcome.Busy, 2, 2, Voice, Now));
        Assert.Equal(Now.AddHours(1), VoiceRetryRule.RetryAt(CallOutcome.NoAnswer, 2, 2, Voice, Now));
    }

    [Fact]
    public void At_the_daily_cap_the_retry_waits_a_full_day()
    {
        var capped = Voice with { MaxAttemptsPer24h = 2 };

        Assert.Equal(Now.AddHours(1), VoiceRetryRule.RetryAt(CallOutcome.NoAnswer, 1, 1, capped, Now));
        Assert.Equal(Now.AddHours(24), VoiceRetryRule.RetryAt(CallOutcome.NoAnswer, 2, 2, capped, Now));
        Assert.Equal(Now.AddHours(24), VoiceRetryRule.RetryAt(CallOutcome.NoAnswer, 2, 5, capped, Now));
    }

    [Fact]
    public void A_wait_longer_than_a_day_is_not_shortened_by_the_cap()
    {
        var capped = Voice with { MaxAttemptsPer24h = 1 };

        Assert.Equal(Now.AddDays(2), VoiceRetryRule.RetryAt(CallOutcome.Failed, 1, 1, capped, Now));
    }

    [Fact]
    public void The_cap_never_adds_calls_beyond_max_attempts()
    {
        Assert.Null(VoiceRetryRule.RetryAt(CallOutcome.Busy, 2, 3, Voice, Now));
    }
}

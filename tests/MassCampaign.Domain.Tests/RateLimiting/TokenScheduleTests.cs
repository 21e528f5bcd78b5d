using CsCheck;
using MassCampaign.Domain.RateLimiting;

namespace MassCampaign.Domain.Tests.RateLimiting;

public sealed class TokenScheduleTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void An_idle_account_is_granted_its_burst_at_once_and_a_tenth_of_a_second_ahead()
    {
        var schedule = new TokenSchedule(perSecond: 10, burst: 4, Horizon, start: TimeSpan.Zero);
        var now = TimeSpan.FromSeconds(5);

        var grant = schedule.Lease(now, wanted: 100);

        // Three spacings back, now, and one 100 ms ahead.
        Assert.Equal(5, grant.Count);
        Assert.Equal(now - TimeSpan.FromMilliseconds(300), grant.FirstDue);
        Assert.Equal(TimeSpan.FromMilliseconds(100), grant.Spacing);
        Assert.Equal(now + TimeSpan.FromMilliseconds(100), grant.DueAt(4));
    }

    [Fact]
    public void A_new_schedule_owes_no_burst()
    {
        var start = TimeSpan.FromSeconds(5);
        var schedule = new TokenSchedule(perSecond: 10, burst: 4, Horizon, start);

        var grant = schedule.Lease(start, wanted: 100);

        // Now and one 100 ms ahead: nothing reaches back before the start.
        Assert.Equal(2, grant.Count);
        Assert.Equal(start, grant.FirstDue);
    }

    [Fact]
    public void A_schedule_that_is_ahead_grants_nothing_and_says_when_to_ask_again()
    {
        var schedule = new TokenSchedule(perSecond: 10, burst: 4, Horizon, start: TimeSpan.Zero);
        var now = TimeSpan.FromSeconds(5);
        schedule.Lease(now, wanted: 100);

        var second = schedule.Lease(now, wanted: 100);

        Assert.Equal(0, second.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(100), second.RetryAfter);
    }

    [Fact]
    public void Successive_grants_continue_the_schedule_without_a_gap_or_an_overlap()
    {
        var schedule = new TokenSchedule(perSecond: 100, burst: 1, Horizon, start: TimeSpan.Zero);

        var first = schedule.Lease(TimeSpan.FromSeconds(1), wanted: 3);
        var second = schedule.Lease(TimeSpan.FromSeconds(1), wanted: 3);

        Assert.Equal(first.DueAt(3), second.FirstDue);
    }

    [Fact]
    public void A_host_asking_for_one_token_gets_exactly_one()
    {
        var schedule = new TokenSchedule(perSecond: 300, burst: 30, Horizon, start: TimeSpan.Zero);

        Assert.Equal(1, schedule.Lease(TimeSpan.FromSeconds(1), wanted: 1).Count);
    }

    [Fact]
    public void A_long_idle_account_owes_no_more_than_one_burst()
    {
        var schedule = new TokenSchedule(perSecond: 10, burst: 4, Horizon, start: TimeSpan.Zero);
        schedule.Lease(TimeSpan.FromSeconds(1), wanted: 1);

        var later = TimeSpan.FromHours(1);
        var grant = schedule.Lease(later, wanted: 100);

        Assert.Equal(later - schedule.Tolerance, grant.FirstDue);
        Assert.Equal(5, grant.Count);
    }

    [Fact]
    public void Tokens_spent_inside_their_tolerance_never_exceed_rate_plus_burst_in_any_second()
    {
        var plan = Gen.Select(
            Gen.Int[1, 400],
            Gen.Int[1, 60],
            Gen.Select(Gen.Int[0, 400], Gen.Int[1, 80], Gen.Double[0, 1]).Array[20, 200]);

        plan.Sample((rate, burst, calls) =>
        {
            var schedule = new TokenSchedule(rate, burst, Horizon, start: TimeSpan.Zero);
            var now = TimeSpan.FromSeconds(10);
            var sends = new List<TimeSpan>();
            foreach (var (gapMs, wanted, lateness) in calls)
            {
                now += TimeSpan.FromMilliseconds(gapMs);
                var grant = schedule.Lease(now, wanted);
                for (var i = 0; i < grant.Count; i++)
                {
                    // A host sends a token no earlier than it holds it and its due time, and drops it past tolerance.
                    var due = grant.DueAt(i);
                    var earliest = due > now ? due : now;
                    var latest = due + schedule.Tolerance;
                    sends.Add(earliest + ((latest - earliest) * lateness));
                }
            }

            Assert.True(BusiestSecond(sends) <= rate + burst, $"rate {rate}, burst {burst}: {BusiestSecond(sends)} in one second");
        });
    }

    [Fact]
    public void Continuous_demand_is_granted_the_account_rate()
    {
        Gen.Select(Gen.Int[1, 1000], Gen.Int[1, 100]).Sample((rate, burst) =>
        {
            var schedule = new TokenSchedule(rate, burst, Horizon, start: TimeSpan.Zero);
            // Idle long enough to be owed a full burst.
            var begin = TimeSpan.FromSeconds(1000);
            var now = begin;
            var granted = 0;
            var lastDue = now;
            while (now < begin + TimeSpan.FromSeconds(60))
            {
                var grant = schedule.Lease(now, rate);
                if (grant.Count > 0)
                {
                    granted += grant.Count;
                    lastDue = grant.DueAt(grant.Count - 1);
                }

                now += grant.Count > 0 ? TimeSpan.FromMilliseconds(20) : grant.RetryAfter;
            }

            // The first burst, then the rate up to the last due time.
            var expected = burst + ((lastDue - begin).TotalSeconds * rate);
            Assert.InRange(granted, expected - 2, expected + 2);
        });
    }

    private static int BusiestSecond(List<TimeSpan> sends)
    {
        sends.Sort();
        var max = 0;
        for (int start = 0, end = 0; end < sends.Count; end++)
        {
            while (sends[end] - sends[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }
}

using CsCheck;
using MassCampaign.Domain.Scheduling;
using NodaTime;

namespace MassCampaign.Domain.Tests.Scheduling;

public sealed class WindowEvaluatorPropertyTests
{
    // The zones the brief names, plus the odd ones: 45-minute Chatham, -03:30 St John's, Santiago's midnight DST,
    // Casablanca's Ramadan changes and +14 Kiritimati.
    private static readonly string[] Zones =
    [
        "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Phoenix",
        "America/Boise", "America/Los_Angeles", "America/Chicago", "Pacific/Chatham", "America/St_Johns",
        "America/Santiago", "Africa/Casablanca", "Pacific/Kiritimati", "Australia/Adelaide",
    ];

    private static readonly long From2020 = Instant.FromUtc(2020, 1, 1, 0, 0).ToUnixTimeTicks();
    private static readonly long To2035 = Instant.FromUtc(2036, 1, 1, 0, 0).ToUnixTimeTicks();

    private static readonly Gen<CallingWindow> AnyWindow = Gen.Frequency(
        (1, Gen.Const(CallingWindow.Default)),
        (5, Gen.Select(Gen.Int[0, 127], Gen.Int[0, 1439], Gen.Int[1, 1440]).Select((mask, startMinute, length) =>
        {
            var endMinute = Math.Min(startMinute + length, 1440);
            var days = Enumerable.Range(1, 7).Where(day => (mask & (1 << (day - 1))) != 0).Select(day => (IsoDayOfWeek)day);
            var start = LocalTime.FromMinutesSinceMidnight(startMinute);
            var end = endMinute == 1440 ? LocalTime.Midnight : LocalTime.FromMinutesSinceMidnight(endMinute);
            return new CallingWindow(days, start, end);
        })));

    private static readonly Gen<string> AnyKey = Gen.Frequency(
        (3, Gen.OneOf(Zones)),
        (2, Gen.OneOf(Zones).Array[2, 3].Select(ZoneKey.Create)));

    /// <summary>Half the instants are uniform over 2020–2035, half sit within two hours of one of the key's DST changes.</summary>
    private static readonly Gen<(CallingWindow Window, string Key, Instant Now)> AnyCase =
        Gen.Select(AnyWindow, AnyKey, Gen.Long[From2020, To2035], Gen.Bool, Gen.Long[-2 * 60 * 60, 2 * 60 * 60])
            .Select((window, key, ticks, nearTransition, seconds) =>
            {
                var now = Instant.FromUnixTimeTicks(ticks);
                var zone = DateTimeZoneProviders.Tzdb[ZoneKey.Split(key)[0]];
                var interval = zone.GetZoneInterval(now);
                if (nearTransition && interval.HasEnd)
                {
                    now = interval.End + Duration.FromSeconds(seconds);
                }

                return (window, key, now);
            });

    [Fact]
    public void Next_opening_is_not_before_now_and_is_open()
    {
        AnyCase.Sample((window, key, now) =>
        {
            var next = WindowEvaluator.NextOpening(window, key, now);
            if (next is null)
            {
                Assert.True(window.Days.Count == 0 || key.Contains(ZoneKey.Separator), "only empty or multi-zone windows never open");
                return;
            }

            Assert.True(next >= now);
            Assert.True(WindowEvaluator.IsOpen(window, key, next.Value));
        });
    }

    [Fact]
    public void Next_opening_of_an_open_window_is_now()
    {
        AnyCase.Where(c => WindowEvaluator.IsOpen(c.Window, c.Key, c.Now)).Sample((window, key, now) =>
            Assert.Equal(now, WindowEvaluator.NextOpening(window, key, now)));
    }

    [Fact]
    public void No_instant_between_now_and_the_next_opening_is_open()
    {
        Gen.Select(AnyCase, Gen.Double[0, 1].Array[16]).Sample((c, fractions) =>
        {
            var next = WindowEvaluator.NextOpening(c.Window, c.Key, c.Now);
            if (next is null || next == c.Now)
            {
                return;
            }

            var gap = next.Value - c.Now;
            Assert.False(WindowEvaluator.IsOpen(c.Window, c.Key, next.Value - Duration.Epsilon));
            foreach (var fraction in fractions)
            {
                var between = c.Now + Duration.FromNanoseconds((long)(gap.TotalNanoseconds * fraction));
                Assert.True(between == next || !WindowEvaluator.IsOpen(c.Window, c.Key, between), $"open at {between}");
            }
        });
    }

    [Fact]
    public void Local_time_at_the_next_opening_is_inside_the_window_in_every_zone_of_the_key()
    {
        AnyCase.Sample((window, key, now) =>
        {
            var next = WindowEvaluator.NextOpening(window, key, now);
            if (next is null)
            {
                return;
            }

            foreach (var zoneId in ZoneKey.Split(key))
            {
                var local = next.Value.InZone(DateTimeZoneProviders.Tzdb[zoneId]).LocalDateTime;
                Assert.Contains(local.DayOfWeek, window.Days);
                Assert.True(local.TimeOfDay >= window.Start, $"{zoneId} {local} is before {window.Start}");
                Assert.True(window.End == LocalTime.Midnight || local.TimeOfDay < window.End, $"{zoneId} {local} is not before {window.End}");
            }
        });
    }

    [Fact]
    public void Next_opening_matches_a_minute_by_minute_scan_of_the_next_eight_days()
    {
        // Windows, offsets and transitions are all whole minutes, so an opening after now falls on a minute boundary.
        var horizon = Duration.FromDays(8);
        AnyCase.Sample((window, key, now) =>
        {
            var next = WindowEvaluator.NextOpening(window, key, now);

            var expected = ScanForOpening(window, key, now, horizon);

            if (expected is null)
            {
                Assert.True(next is null || next >= now + horizon, $"scan found nothing, evaluator said {next}");
            }
            else
            {
                Assert.Equal(expected, next);
            }
        }, iter: 60);
    }

    private static Instant? ScanForOpening(CallingWindow window, string key, Instant now, Duration horizon)
    {
        if (WindowEvaluator.IsOpen(window, key, now))
        {
            return now;
        }

        var minute = Duration.FromMinutes(1);
        var ticksPerMinute = minute.BclCompatibleTicks;
        var firstMinute = Instant.FromUnixTimeTicks((now.ToUnixTimeTicks() / ticksPerMinute + 1) * ticksPerMinute);
        for (var candidate = firstMinute; candidate < now + horizon; candidate += minute)
        {
            if (WindowEvaluator.IsOpen(window, key, candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

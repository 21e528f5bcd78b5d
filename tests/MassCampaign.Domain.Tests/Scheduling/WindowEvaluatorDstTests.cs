using MassCampaign.Domain.Scheduling;
using NodaTime;

namespace MassCampaign.Domain.Tests.Scheduling;

/// <summary>Openings around DST changes; every expected instant is written in UTC with its local reading beside it.</summary>
public sealed class WindowEvaluatorDstTests
{
    private const string NewYork = "America/New_York";
    private const string London = "Europe/London";
    private const string LordHowe = "Australia/Lord_Howe";

    private static CallingWindow EveryDay(int startHour, int startMinute, int endHour) =>
        new(CallingWindow.Default.Days, new LocalTime(startHour, startMinute), new LocalTime(endHour, 0));

    private static CallingWindow SundaysOnly(int startHour, int startMinute, int endHour, int endMinute) =>
        new([IsoDayOfWeek.Sunday], new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute));

    [Fact]
    public void Default_window_opens_at_eight_daylight_time_on_the_new_york_spring_forward_day()
    {
        var midnightEst = Instant.FromUtc(2025, 3, 9, 5, 0);

        Assert.Equal(Instant.FromUtc(2025, 3, 9, 12, 0), WindowEvaluator.NextOpening(CallingWindow.Default, NewYork, midnightEst));
    }

    [Fact]
    public void Window_starting_inside_the_new_york_spring_gap_opens_when_the_gap_ends()
    {
        var window = EveryDay(2, 30, 5);
        var midnightEst = Instant.FromUtc(2025, 3, 9, 5, 0);

        Assert.Equal(Instant.FromUtc(2025, 3, 9, 7, 0), WindowEvaluator.NextOpening(window, NewYork, midnightEst));
        Assert.False(WindowEvaluator.IsOpen(window, NewYork, Instant.FromUtc(2025, 3, 9, 6, 59, 59)));
        Assert.True(WindowEvaluator.IsOpen(window, NewYork, Instant.FromUtc(2025, 3, 9, 7, 0)));
    }

    [Fact]
    public void Window_starting_inside_the_new_york_fall_back_hour_opens_at_its_first_occurrence()
    {
        var window = EveryDay(1, 30, 5);
        var midnightEdt = Instant.FromUtc(2025, 11, 2, 4, 0);

        Assert.Equal(Instant.FromUtc(2025, 11, 2, 5, 30), WindowEvaluator.NextOpening(window, NewYork, midnightEdt));
    }

    [Fact]
    public void Default_window_follows_standard_time_after_new_york_falls_back()
    {
        var window = CallingWindow.Default;

        Assert.Equal(Instant.FromUtc(2025, 11, 2, 13, 0), WindowEvaluator.NextOpening(window, NewYork, Instant.FromUtc(2025, 11, 2, 4, 0)));
        Assert.True(WindowEvaluator.IsOpen(window, NewYork, Instant.FromUtc(2025, 11, 3, 1, 59, 59)));
        Assert.False(WindowEvaluator.IsOpen(window, NewYork, Instant.FromUtc(2025, 11, 3, 2, 0)));
    }

    [Fact]
    public void Window_starting_inside_the_london_spring_gap_opens_at_two_bst()
    {
        var window = EveryDay(1, 30, 6);
        var midnightGmt = Instant.FromUtc(2025, 3, 30, 0, 0);

        Assert.Equal(Instant.FromUtc(2025, 3, 30, 1, 0), WindowEvaluator.NextOpening(window, London, midnightGmt));
        Assert.Equal(Instant.FromUtc(2025, 3, 30, 7, 0), WindowEvaluator.NextOpening(CallingWindow.Default, London, midnightGmt));
    }

    [Fact]
    public void Window_starting_inside_the_london_fall_back_hour_opens_at_its_first_occurrence()
    {
        var window = SundaysOnly(1, 15, 6, 0);
        var midnightBst = Instant.FromUtc(2025, 10, 25, 23, 0);

        Assert.Equal(Instant.FromUtc(2025, 10, 26, 0, 15), WindowEvaluator.NextOpening(window, London, midnightBst));
    }

    [Fact]
    public void Window_ending_inside_the_london_fall_back_hour_reopens_when_the_hour_repeats()
    {
        var window = SundaysOnly(0, 0, 1, 30);

        Assert.True(WindowEvaluator.IsOpen(window, London, Instant.FromUtc(2025, 10, 26, 0, 29)));
        Assert.False(WindowEvaluator.IsOpen(window, London, Instant.FromUtc(2025, 10, 26, 0, 45)));
        Assert.Equal(Instant.FromUtc(2025, 10, 26, 1, 0), WindowEvaluator.NextOpening(window, London, Instant.FromUtc(2025, 10, 26, 0, 45)));
        Assert.True(WindowEvaluator.IsOpen(window, London, Instant.FromUtc(2025, 10, 26, 1, 29)));
        Assert.False(WindowEvaluator.IsOpen(window, London, Instant.FromUtc(2025, 10, 26, 1, 30)));
    }

    [Fact]
    public void Window_starting_inside_the_lord_howe_half_hour_spring_gap_opens_at_two_thirty()
    {
        var window = EveryDay(2, 10, 5);
        var midnightStandard = Instant.FromUtc(2025, 10, 4, 13, 30);

        Assert.Equal(Instant.FromUtc(2025, 10, 4, 15, 30), WindowEvaluator.NextOpening(window, LordHowe, midnightStandard));
    }

    [Fact]
    public void Window_starting_inside_the_lord_howe_repeated_half_hour_opens_at_its_first_occurrence()
    {
        var window = EveryDay(1, 45, 5);
        var midnightDaylight = Instant.FromUtc(2025, 4, 5, 13, 0);

        Assert.Equal(Instant.FromUtc(2025, 4, 5, 14, 45), WindowEvaluator.NextOpening(window, LordHowe, midnightDaylight));
    }

    [Fact]
    public void Lord_howe_opens_half_an_hour_later_in_utc_in_winter_than_in_summer()
    {
        var summer = WindowEvaluator.NextOpening(CallingWindow.Default, LordHowe, Instant.FromUtc(2025, 1, 15, 12, 0));
        var winter = WindowEvaluator.NextOpening(CallingWindow.Default, LordHowe, Instant.FromUtc(2025, 7, 15, 12, 0));

        Assert.Equal(Instant.FromUtc(2025, 1, 15, 21, 0), summer);
        Assert.Equal(Instant.FromUtc(2025, 7, 15, 21, 30), winter);
    }
}

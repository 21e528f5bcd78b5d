using MassCampaign.Domain.Scheduling;
using NodaTime;

namespace MassCampaign.Domain.Tests.Scheduling;

public sealed class CallingWindowTests
{
    private static readonly IsoDayOfWeek[] Weekdays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    // 2025-06-02 is a Monday.
    private static LocalDateTime Monday(int hour, int minute, int second = 0) => new(2025, 6, 2, hour, minute, second);

    [Fact]
    public void Default_window_is_every_day_from_eight_to_nine_pm()
    {
        var window = CallingWindow.Default;

        Assert.Equal(Enum.GetValues<IsoDayOfWeek>().Where(day => day != IsoDayOfWeek.None), window.Days.ToArray());
        Assert.Equal(new LocalTime(8, 0), window.Start);
        Assert.Equal(new LocalTime(21, 0), window.End);
    }

    [Fact]
    public void Start_is_inclusive_and_end_is_exclusive()
    {
        var window = CallingWindow.Default;

        Assert.False(window.IsOpenAt(Monday(7, 59, 59)));
        Assert.True(window.IsOpenAt(Monday(8, 0)));
        Assert.True(window.IsOpenAt(Monday(20, 59, 59)));
        Assert.False(window.IsOpenAt(Monday(21, 0)));
    }

    [Fact]
    public void Window_is_closed_on_days_it_does_not_list()
    {
        var window = new CallingWindow(Weekdays, new LocalTime(9, 0), new LocalTime(17, 0));

        Assert.True(window.IsOpenAt(new LocalDateTime(2025, 6, 6, 12, 0)));
        Assert.False(window.IsOpenAt(new LocalDateTime(2025, 6, 7, 12, 0)));
        Assert.False(window.IsOpenAt(new LocalDateTime(2025, 6, 8, 12, 0)));
    }

    [Fact]
    public void Window_without_days_is_never_open()
    {
        var window = new CallingWindow([], new LocalTime(8, 0), new LocalTime(21, 0));

        Assert.Empty(window.Days);
        Assert.False(window.IsOpenAt(Monday(12, 0)));
    }

    [Fact]
    public void End_of_midnight_keeps_the_window_open_to_the_end_of_the_day()
    {
        var window = new CallingWindow([IsoDayOfWeek.Monday], new LocalTime(18, 0), LocalTime.Midnight);

        Assert.True(window.IsOpenAt(Monday(23, 59, 59)));
        Assert.False(window.IsOpenAt(new LocalDateTime(2025, 6, 3, 0, 0)));
    }

    [Fact]
    public void Midnight_to_midnight_is_open_all_day()
    {
        var window = new CallingWindow([IsoDayOfWeek.Monday], LocalTime.Midnight, LocalTime.Midnight);

        Assert.True(window.IsOpenAt(Monday(0, 0)));
        Assert.True(window.IsOpenAt(Monday(23, 59, 59)));
    }

    [Theory]
    [InlineData(21, 8)]
    [InlineData(9, 9)]
    public void Window_that_does_not_start_before_it_ends_is_refused(int startHour, int endHour)
    {
        Assert.Throws<ArgumentException>(
            () => new CallingWindow(Weekdays, new LocalTime(startHour, 0), new LocalTime(endHour, 0)));
    }

    [Fact]
    public void Day_outside_monday_to_sunday_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new CallingWindow([IsoDayOfWeek.None], new LocalTime(8, 0), new LocalTime(21, 0)));
    }

    [Fact]
    public void Days_are_a_set_in_week_order()
    {
        var window = new CallingWindow(
            [IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday], new LocalTime(8, 0), new LocalTime(21, 0));

        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday], window.Days.ToArray());
        Assert.Equal("Mon,Sun 08:00-21:00", window.ToString());
    }

    [Fact]
    public void Windows_with_the_same_days_and_hours_are_equal()
    {
        var reversed = new CallingWindow(Weekdays.Reverse(), new LocalTime(9, 0), new LocalTime(17, 0));
        var ordered = new CallingWindow(Weekdays, new LocalTime(9, 0), new LocalTime(17, 0));

        Assert.Equal(ordered, reversed);
        Assert.Equal(ordered.GetHashCode(), reversed.GetHashCode());
        Assert.NotEqual(ordered, new CallingWindow(Weekdays, new LocalTime(9, 0), new LocalTime(18, 0)));
    }
}

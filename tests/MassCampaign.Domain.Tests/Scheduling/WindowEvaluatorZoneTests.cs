using MassCampaign.Domain.Scheduling;
using NodaTime;

namespace MassCampaign.Domain.Tests.Scheduling;

public sealed class WindowEvaluatorZoneTests
{
    private const string Kathmandu = "Asia/Kathmandu";
    private const string Phoenix = "America/Phoenix";
    private const string IdahoSplit = "America/Boise|America/Los_Angeles";

    private static readonly IsoDayOfWeek[] Weekdays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    [Fact]
    public void Kathmandu_window_opens_and_closes_on_its_quarter_hour_offset()
    {
        var window = CallingWindow.Default;

        Assert.Equal(Instant.FromUtc(2025, 6, 2, 2, 15), WindowEvaluator.NextOpening(window, Kathmandu, Instant.FromUtc(2025, 6, 2, 0, 0)));
        Assert.False(WindowEvaluator.IsOpen(window, Kathmandu, Instant.FromUtc(2025, 6, 2, 2, 14, 59)));
        Assert.True(WindowEvaluator.IsOpen(window, Kathmandu, Instant.FromUtc(2025, 6, 2, 15, 14, 59)));
        Assert.False(WindowEvaluator.IsOpen(window, Kathmandu, Instant.FromUtc(2025, 6, 2, 15, 15)));
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(3, 9)]
    [InlineData(7, 15)]
    [InlineData(11, 2)]
    public void Phoenix_opens_at_fifteen_utc_all_year_because_it_keeps_no_dst(int month, int day)
    {
        var opening = WindowEvaluator.NextOpening(CallingWindow.Default, Phoenix, Instant.FromUtc(2025, month, day, 10, 0));

        Assert.Equal(Instant.FromUtc(2025, month, day, 15, 0), opening);
    }

    [Fact]
    public void Phoenix_and_denver_differ_by_an_hour_only_in_summer()
    {
        var summer = Instant.FromUtc(2025, 7, 15, 14, 30);
        var winter = Instant.FromUtc(2025, 1, 15, 14, 30);

        Assert.True(WindowEvaluator.IsOpen(CallingWindow.Default, "America/Denver", summer));
        Assert.False(WindowEvaluator.IsOpen(CallingWindow.Default, Phoenix, summer));
        Assert.False(WindowEvaluator.IsOpen(CallingWindow.Default, "America/Denver", winter));
        Assert.False(WindowEvaluator.IsOpen(CallingWindow.Default, Phoenix, winter));
    }

    [Fact]
    public void Split_zone_key_opens_only_when_the_later_zone_opens()
    {
        // July: Boise is UTC-6 and opens at 14:00Z, Los Angeles is UTC-7 and opens at 15:00Z.
        var window = CallingWindow.Default;

        Assert.True(WindowEvaluator.IsOpen(window, "America/Boise", Instant.FromUtc(2025, 7, 15, 14, 30)));
        Assert.False(WindowEvaluator.IsOpen(window, IdahoSplit, Instant.FromUtc(2025, 7, 15, 14, 30)));
        Assert.Equal(Instant.FromUtc(2025, 7, 15, 15, 0), WindowEvaluator.NextOpening(window, IdahoSplit, Instant.FromUtc(2025, 7, 15, 10, 0)));
    }

    [Fact]
    public void Split_zone_key_closes_when_the_earlier_zone_closes()
    {
        // Boise reaches 21:00 at 03:00Z, an hour before Los Angeles.
        var window = CallingWindow.Default;

        Assert.True(WindowEvaluator.IsOpen(window, IdahoSplit, Instant.FromUtc(2025, 7, 16, 2, 59)));
        Assert.False(WindowEvaluator.IsOpen(window, IdahoSplit, Instant.FromUtc(2025, 7, 16, 3, 30)));
        Assert.True(WindowEvaluator.IsOpen(window, "America/Los_Angeles", Instant.FromUtc(2025, 7, 16, 3, 30)));
        Assert.Equal(Instant.FromUtc(2025, 7, 16, 15, 0), WindowEvaluator.NextOpening(window, IdahoSplit, Instant.FromUtc(2025, 7, 16, 3, 30)));
    }

    [Fact]
    public void Weekday_window_on_a_saturday_next_opens_on_monday_morning()
    {
        var window = new CallingWindow(Weekdays, new LocalTime(8, 0), new LocalTime(21, 0));
        var saturdayNoon = Instant.FromUtc(2025, 6, 7, 19, 0);

        Assert.False(WindowEvaluator.IsOpen(window, Phoenix, saturdayNoon));
        Assert.Equal(Instant.FromUtc(2025, 6, 9, 15, 0), WindowEvaluator.NextOpening(window, Phoenix, saturdayNoon));
    }

    [Fact]
    public void Window_that_is_open_now_opens_now()
    {
        var now = Instant.FromUtc(2025, 6, 2, 18, 0);

        Assert.Equal(now, WindowEvaluator.NextOpening(CallingWindow.Default, Phoenix, now));
    }

    [Fact]
    public void Window_open_all_day_every_day_is_always_open()
    {
        var always = new CallingWindow(CallingWindow.Default.Days, LocalTime.Midnight, LocalTime.Midnight);
        var now = Instant.FromUtc(2025, 3, 9, 7, 0);

        Assert.True(WindowEvaluator.IsOpen(always, "America/New_York|Australia/Lord_Howe", now));
        Assert.Equal(now, WindowEvaluator.NextOpening(always, "America/New_York|Australia/Lord_Howe", now));
    }

    [Fact]
    public void Window_without_days_never_opens()
    {
        var never = new CallingWindow([], new LocalTime(8, 0), new LocalTime(21, 0));

        Assert.Null(WindowEvaluator.NextOpening(never, Phoenix, Instant.FromUtc(2025, 6, 2, 18, 0)));
    }

    [Fact]
    public void Zones_whose_windows_never_overlap_never_open_together()
    {
        // 08:00-09:00 is 15:00-16:00Z (or 16:00-17:00Z) in Los Angeles but 02:15-03:15Z in Kathmandu.
        var window = new CallingWindow(CallingWindow.Default.Days, new LocalTime(8, 0), new LocalTime(9, 0));

        Assert.Null(WindowEvaluator.NextOpening(window, "America/Los_Angeles|Asia/Kathmandu", Instant.FromUtc(2025, 6, 2, 0, 0)));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("America/Boise|Etc/Unknown")]
    [InlineData("Europe/London|")]
    public void Key_naming_a_zone_outside_the_tz_database_is_refused(string zoneKey)
    {
        Assert.Throws<ArgumentException>(() => WindowEvaluator.IsOpen(CallingWindow.Default, zoneKey, Instant.FromUtc(2025, 6, 2, 0, 0)));
    }
}

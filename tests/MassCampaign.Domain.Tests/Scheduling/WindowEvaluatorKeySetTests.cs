using MassCampaign.Domain.Scheduling;
using NodaTime;

namespace MassCampaign.Domain.Tests.Scheduling;

public sealed class WindowEvaluatorKeySetTests
{
    private static readonly string[] Keys =
        ["America/Boise|America/Los_Angeles", "America/Denver", "America/Los_Angeles", "Asia/Kathmandu", "America/Phoenix"];

    [Fact]
    public void Open_keys_are_those_whose_every_zone_is_inside_the_window()
    {
        // 14:30Z in July: Denver 08:30, Kathmandu 20:15, Los Angeles and Phoenix 07:30.
        var open = WindowEvaluator.OpenKeys(CallingWindow.Default, Keys, Instant.FromUtc(2025, 7, 15, 14, 30));

        Assert.Equal(["America/Denver", "Asia/Kathmandu"], open.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Earliest_opening_is_the_first_key_to_open()
    {
        var earliest = WindowEvaluator.EarliestOpening(
            CallingWindow.Default, ["America/Los_Angeles", "America/Denver", "America/Phoenix"], Instant.FromUtc(2025, 7, 15, 10, 0));

        Assert.Equal(Instant.FromUtc(2025, 7, 15, 14, 0), earliest);
    }

    [Fact]
    public void Earliest_opening_is_now_when_a_key_is_already_open()
    {
        var now = Instant.FromUtc(2025, 7, 15, 14, 30);

        Assert.Equal(now, WindowEvaluator.EarliestOpening(CallingWindow.Default, Keys, now));
    }

    [Fact]
    public void Earliest_opening_skips_keys_that_never_open()
    {
        var window = new CallingWindow(CallingWindow.Default.Days, new LocalTime(8, 0), new LocalTime(9, 0));

        var earliest = WindowEvaluator.EarliestOpening(
            window, ["America/Los_Angeles|Asia/Kathmandu", "America/Phoenix"], Instant.FromUtc(2025, 7, 15, 10, 0));

        Assert.Equal(Instant.FromUtc(2025, 7, 15, 15, 0), earliest);
    }

    [Fact]
    public void No_keys_have_no_opening()
    {
        Assert.Empty(WindowEvaluator.OpenKeys(CallingWindow.Default, [], Instant.FromUtc(2025, 7, 15, 10, 0)));
        Assert.Null(WindowEvaluator.EarliestOpening(CallingWindow.Default, [], Instant.FromUtc(2025, 7, 15, 10, 0)));
    }
}

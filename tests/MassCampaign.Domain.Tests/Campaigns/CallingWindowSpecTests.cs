using MassCampaign.Domain.Campaigns;
using NodaTime;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class CallingWindowSpecTests
{
    private static CallingWindowSpec Parse(CallingWindowDraft draft)
    {
        Assert.True(CallingWindowSpec.TryParse(draft, out var spec, out var errors), string.Join("; ", errors));
        Assert.Empty(errors);
        return spec;
    }

    private static IReadOnlyList<ValidationError> Errors(CallingWindowDraft? draft)
    {
        Assert.False(CallingWindowSpec.TryParse(draft, out var spec, out var errors));
        Assert.Null(spec);
        return errors;
    }

    [Fact]
    public void Omitted_days_and_times_default_to_every_day_from_08_00_to_21_00()
    {
        var spec = Parse(new CallingWindowDraft(null, null, null, "America/New_York"));

        Assert.Equal(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None), spec.Days.ToArray());
        Assert.Equal(new LocalTime(8, 0), spec.Start);
        Assert.Equal(new LocalTime(21, 0), spec.End);
        Assert.Equal("America/New_York", spec.TimeZoneId);
    }

    [Fact]
    public void Given_days_times_and_zone_are_parsed()
    {
        var spec = Parse(new CallingWindowDraft(["Mon", "tue", "WED"], "09:30", "17:00", "Europe/London"));

        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday], spec.Days.ToArray());
        Assert.Equal(new LocalTime(9, 30), spec.Start);
        Assert.Equal(new LocalTime(17, 0), spec.End);
    }

    [Fact]
    public void Days_come_back_monday_first_whatever_order_they_were_given_in()
    {
        var spec = Parse(new CallingWindowDraft(["Sun", "Fri", "Mon"], null, null, "UTC"));

        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, IsoDayOfWeek.Sunday], spec.Days.ToArray());
    }

    [Fact]
    public void Whole_day_from_midnight_to_23_59_is_accepted()
    {
        var spec = Parse(new CallingWindowDraft(null, "00:00", "23:59", "UTC"));

        Assert.Equal((LocalTime.Midnight, new LocalTime(23, 59)), (spec.Start, spec.End));
    }

    [Fact]
    public void Empty_day_list_is_rejected()
    {
        var error = Assert.Single(Errors(new CallingWindowDraft([], null, null, "UTC")));

        Assert.Equal(
            new ValidationError("callingWindow.days", "List at least one day, e.g. [\"Mon\", \"Tue\"], or leave days out to allow every day."),
            error);
    }

    [Theory]
    [InlineData("Funday")]
    [InlineData("Monday")]
    [InlineData("M")]
    [InlineData("")]
    [InlineData(" Mon")]
    [InlineData(null)]
    public void Unknown_day_name_is_rejected_and_the_valid_names_listed(string? day)
    {
        var error = Assert.Single(Errors(new CallingWindowDraft(["Tue", day], null, null, "UTC")));

        Assert.Equal(new ValidationError("callingWindow.days", $"'{day}' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat, Sun."), error);
    }

    [Fact]
    public void Day_listed_twice_in_any_case_is_rejected()
    {
        var error = Assert.Single(Errors(new CallingWindowDraft(["Mon", "Tue", "mon"], null, null, "UTC")));

        Assert.Equal(new ValidationError("callingWindow.days", "'mon' is listed more than once; list each day once."), error);
    }

    [Theory]
    [InlineData("8:00")]
    [InlineData("24:00")]
    [InlineData("12:60")]
    [InlineData("noon")]
    [InlineData("08:00:00")]
    [InlineData(" 08:00")]
    [InlineData("08.00")]
    [InlineData("")]
    public void Start_that_is_not_hh_mm_is_rejected(string start)
    {
        var error = Assert.Single(Errors(new CallingWindowDraft(null, start, null, "UTC")));

        Assert.Equal(new ValidationError("callingWindow.start", $"'{start}' is not a time; use 24-hour HH:mm, e.g. 08:00."), error);
    }

    [Fact]
    public void End_that_is_not_hh_mm_is_rejected()
    {
        var error = Assert.Single(Errors(new CallingWindowDraft(null, null, "9pm", "UTC")));

        Assert.Equal(new ValidationError("callingWindow.end", "'9pm' is not a time; use 24-hour HH:mm, e.g. 21:00."), error);
    }

    [Theory]
    [InlineData("21:00", "08:00")]
    [InlineData("12:00", "12:00")]
    [InlineData("22:00", null)]
    public void End_not_after_start_is_rejected(string start, string? end)
    {
        var error = Assert.Single(Errors(new CallingWindowDraft(null, start, end, "UTC")));

        Assert.Equal("callingWindow.end", error.Field);
        Assert.EndsWith("; a window cannot cross midnight.", error.Message);
        Assert.Contains($"start {start}", error.Message);
    }

    [Fact]
    public void End_before_start_message_shows_both_times()
    {
        var error = Assert.Single(Errors(new CallingWindowDraft(null, "21:00", "08:00", "UTC")));

        Assert.Equal("End 08:00 must be later than start 21:00; a window cannot cross midnight.", error.Message);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("America/St_Johns")]
    [InlineData("Australia/Lord_Howe")]
    public void Iana_zone_known_to_tzdb_is_accepted(string zone)
    {
        Assert.Equal(zone, Parse(new CallingWindowDraft(null, null, null, zone)).TimeZoneId);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("GMT+5")]
    [InlineData("Eastern Standard Time")]
    [InlineData("+05:00")]
    public void Zone_unknown_to_tzdb_is_rejected(string zone)
    {
        var error = Assert.Single(Errors(new CallingWindowDraft(null, null, null, zone)));

        Assert.Equal(
            new ValidationError("callingWindow.timeZone", $"'{zone}' is not a time zone in the IANA database; use an id such as America/New_York or Europe/London."),
            error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Missing_zone_is_required(string? zone)
    {
        var error = Assert.Single(Errors(new CallingWindowDraft(["Mon"], "09:00", "17:00", zone)));

        Assert.Equal("callingWindow.timeZone", error.Field);
        Assert.StartsWith("A time zone is required", error.Message);
    }

    [Fact]
    public void Missing_window_is_an_error_on_its_time_zone_only()
    {
        Assert.Equal("callingWindow.timeZone", Assert.Single(Errors(null)).Field);
    }

    [Fact]
    public void All_window_problems_are_reported_together()
    {
        var errors = Errors(new CallingWindowDraft(["Mon", "Mon", "Xyz"], "late", "never", null));

        Assert.Equal(
            ["callingWindow.days", "callingWindow.days", "callingWindow.start", "callingWindow.end", "callingWindow.timeZone"],
            errors.Select(e => e.Field));
    }
}

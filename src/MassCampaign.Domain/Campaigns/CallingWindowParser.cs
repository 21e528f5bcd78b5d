using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

namespace MassCampaign.Domain.Campaigns;

/// <summary>Turns a <see cref="CallingWindowDraft"/> into a <see cref="CallingWindowSpec"/> or field errors.</summary>
internal static class CallingWindowParser
{
    private const string DaysField = "callingWindow.days";
    private const string StartField = "callingWindow.start";
    private const string EndField = "callingWindow.end";
    private const string TimeZoneField = "callingWindow.timeZone";

    private static readonly LocalTimePattern HoursMinutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    internal static bool TryParse(
        CallingWindowDraft? draft,
        [NotNullWhen(true)] out CallingWindowSpec? spec,
        out IReadOnlyList<ValidationError> errors)
    {
        var found = new List<ValidationError>();
        var days = ParseDays(draft?.Days, found);
        var start = ParseTime(draft?.Start, CallingWindowSpec.DefaultStart, StartField, found);
        var end = ParseTime(draft?.End, CallingWindowSpec.DefaultEnd, EndField, found);
        if (start is { } s && end is { } e && s >= e)
        {
            found.Add(new(EndField, $"End {Format(e)} must be later than start {Format(s)}; a window cannot cross midnight."));
        }

        var zone = ParseZone(draft?.TimeZone, found);

        errors = found;
        spec = found.Count == 0 ? new CallingWindowSpec(days!, start!.Value, end!.Value, zone!) : null;
        return spec is not null;
    }

    private static IReadOnlySet<IsoDayOfWeek>? ParseDays(IReadOnlyList<string?>? names, List<ValidationError> errors)
    {
        if (names is null)
        {
            return CallingWindowSpec.EveryDay;
        }

        if (names.Count == 0)
        {
            errors.Add(new(DaysField, "List at least one day, e.g. [\"Mon\", \"Tue\"], or leave days out to allow every day."));
            return null;
        }

        var days = new SortedSet<IsoDayOfWeek>();
        var before = errors.Count;
        foreach (var name in names)
        {
            if (!WeekdayNames.TryParse(name, out var day))
            {
                errors.Add(new(DaysField, $"'{name}' is not a day; use {string.Join(", ", WeekdayNames.All)}."));
            }
            else if (!days.Add(day))
            {
                errors.Add(new(DaysField, $"'{name}' is listed more than once; list each day once."));
            }
        }

        return errors.Count == before ? ImmutableSortedSet.CreateRange(days) : null;
    }

    private static LocalTime? ParseTime(string? text, LocalTime fallback, string field, List<ValidationError> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        var result = HoursMinutes.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        errors.Add(new(field, $"'{text}' is not a time; use 24-hour HH:mm, e.g. {Format(fallback)}."));
        return null;
    }

    private static string? ParseZone(string? id, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new(TimeZoneField,
                "A time zone is required: the IANA zone used for recipients whose own zone is unknown, e.g. America/New_York."));
            return null;
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is null)
        {
            errors.Add(new(TimeZoneField,
                $"'{id}' is not a time zone in the IANA database; use an id such as America/New_York or Europe/London."));
            return null;
        }

        return id;
    }

    private static string Format(LocalTime time) => HoursMinutes.Format(time);
}

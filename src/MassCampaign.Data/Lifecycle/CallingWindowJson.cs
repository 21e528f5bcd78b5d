using System.Text.Json;
using MassCampaign.Domain.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace MassCampaign.Data.Lifecycle;

/// <summary>
/// Reads the campaigns.calling_window column, <c>{days: ["Mon", ...], start: "08:00", end: "21:00", timeZone}</c>.
/// Missing parts fall back to the default window, so a row written by an older client still runs.
/// </summary>
public static class CallingWindowJson
{
    private static readonly LocalTimePattern[] TimePatterns =
    [
        LocalTimePattern.CreateWithInvariantCulture("HH:mm"),
        LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss"),
    ];

    /// <exception cref="FormatException">A day or time that cannot be read: the campaign cannot be run as stored.</exception>
    public static CallingWindow Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var fallback = CallingWindow.Default;
        var days = root.TryGetProperty("days", out var dayList) && dayList.ValueKind == JsonValueKind.Array
            ? dayList.EnumerateArray().Select(day => Day(day.GetString())).ToArray()
            : fallback.Days.ToArray();
        var start = Time(root, "start") ?? fallback.Start;
        var end = Time(root, "end") ?? fallback.End;
        return new CallingWindow(days, start, end);
    }

    private static IsoDayOfWeek Day(string? name)
    {
        if (name is { Length: >= 3 })
        {
            foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
            {
                if (day.ToString().StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    return day;
                }
            }
        }

        throw new FormatException($"'{name}' is not a day of the week (use Mon, Tue, ... Sun).");
    }

    private static LocalTime? Time(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString() ?? "";
        // "24:00" is how people write "until midnight"; the window spells that 00:00.
        if (text is "24:00" or "24:00:00")
        {
            return LocalTime.Midnight;
        }

        foreach (var pattern in TimePatterns)
        {
            var parsed = pattern.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }
        }

        throw new FormatException($"'{text}' is not a time of day (use HH:mm).");
    }
}

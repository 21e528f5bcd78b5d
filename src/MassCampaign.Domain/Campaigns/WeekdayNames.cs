using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace MassCampaign.Domain.Campaigns;

/// <summary>The three-letter day names of a calling window on the wire: Mon, Tue, … Sun.</summary>
public static class WeekdayNames
{
    public static IReadOnlyList<string> All { get; } = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static string ToWire(IsoDayOfWeek day) =>
        day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
            ? All[(int)day - 1]
            : throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week.");

    /// <summary>Parses a three-letter name ignoring case.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IsoDayOfWeek day)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(text, All[i], StringComparison.OrdinalIgnoreCase))
            {
                day = (IsoDayOfWeek)(i + 1);
                return true;
            }
        }

        day = IsoDayOfWeek.None;
        return false;
    }
}

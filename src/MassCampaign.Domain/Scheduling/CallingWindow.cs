using System.Collections.ObjectModel;
using NodaTime;

namespace MassCampaign.Domain.Scheduling;

/// <summary>
/// Days of the week plus a local time range [Start, End) in which a recipient may be called or texted, read in the
/// recipient's own time zone (DESIGN.md §5). An <see cref="End"/> of midnight means "until the end of the day".
/// </summary>
public sealed class CallingWindow : IEquatable<CallingWindow>
{
    private static readonly IsoDayOfWeek[] EveryDay =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    // Bit n set = IsoDayOfWeek n allowed; the hot checks test a bit instead of hashing into the set.
    private readonly int dayMask;

    public CallingWindow(IEnumerable<IsoDayOfWeek> days, LocalTime start, LocalTime end)
    {
        ArgumentNullException.ThrowIfNull(days);
        var set = new SortedSet<IsoDayOfWeek>();
        foreach (var day in days)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentOutOfRangeException(nameof(days), day, "Days must be Monday to Sunday.");
            }

            set.Add(day);
            dayMask |= 1 << (int)day;
        }

        if (end != LocalTime.Midnight && start >= end)
        {
            throw new ArgumentException(
                $"The window must start before it ends (got {start:HH:mm:ss}-{end:HH:mm:ss}); use an end of 00:00 for midnight.",
                nameof(end));
        }

        Days = new ReadOnlySet<IsoDayOfWeek>(set);
        Start = start;
        End = end;
    }

    /// <summary>Every day 08:00–21:00: the US federal TCPA window (COMPLIANCE.md §1.1).</summary>
    public static CallingWindow Default { get; } = new(EveryDay, new LocalTime(8, 0), new LocalTime(21, 0));

    public IReadOnlySet<IsoDayOfWeek> Days { get; }

    /// <summary>First local time of day inside the window (inclusive).</summary>
    public LocalTime Start { get; }

    /// <summary>First local time of day after the window (exclusive); midnight means the end of the day.</summary>
    public LocalTime End { get; }

    public bool IsOpenAt(LocalDateTime local) =>
        IsOpenOn(local.DayOfWeek) && local.TimeOfDay >= Start && (End == LocalTime.Midnight || local.TimeOfDay < End);

    internal bool IsOpenOn(IsoDayOfWeek day) => (dayMask & (1 << (int)day)) != 0;

    internal bool HasAnyDay => dayMask != 0;

    internal LocalDateTime OpensOn(LocalDate date) => date.At(Start);

    internal LocalDateTime ClosesOn(LocalDate date) =>
        End == LocalTime.Midnight ? date.PlusDays(1).AtMidnight() : date.At(End);

    public bool Equals(CallingWindow? other) =>
        other is not null && dayMask == other.dayMask && Start == other.Start && End == other.End;

    public override bool Equals(object? obj) => Equals(obj as CallingWindow);

    public override int GetHashCode() => HashCode.Combine(dayMask, Start, End);

    public override string ToString() =>
        $"{string.Join(',', Days.Select(day => day.ToString()[..3]))} {Start:HH:mm}-{End:HH:mm}";
}

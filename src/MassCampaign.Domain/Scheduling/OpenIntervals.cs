using NodaTime;

namespace MassCampaign.Domain.Scheduling;

/// <summary>
/// The stretches of time in which a calling window holds, as sorted, disjoint, non-touching instant intervals.
/// </summary>
/// <remarks>
/// Within one zone interval the UTC offset is fixed, so local time moves in step with the instant and each local
/// window maps to instants by plain offset subtraction, clipped to the zone interval. That is exactly the set of
/// instants whose local time lies in the window, whatever DST gaps, overlaps or odd offsets lie between.
/// </remarks>
internal static class OpenIntervals
{
    public static List<Interval> InZone(CallingWindow window, DateTimeZone zone, Instant from, Instant to)
    {
        var open = new List<Interval>();
        foreach (var zoneInterval in zone.GetZoneIntervals(from, to))
        {
            var start = zoneInterval.HasStart && zoneInterval.Start > from ? zoneInterval.Start : from;
            var end = zoneInterval.HasEnd && zoneInterval.End < to ? zoneInterval.End : to;
            var offset = zoneInterval.WallOffset;
            var lastDate = end.WithOffset(offset).Date;
            for (var date = start.WithOffset(offset).Date; date <= lastDate; date = date.PlusDays(1))
            {
                if (!window.IsOpenOn(date.DayOfWeek))
                {
                    continue;
                }

                var opens = window.OpensOn(date).WithOffset(offset).ToInstant();
                var closes = window.ClosesOn(date).WithOffset(offset).ToInstant();
                Append(open, Instant.Max(opens, start), Instant.Min(closes, end));
            }
        }

        return open;
    }

    /// <summary>The instants present in both inputs.</summary>
    public static List<Interval> Intersect(List<Interval> left, List<Interval> right)
    {
        var both = new List<Interval>();
        var i = 0;
        var j = 0;
        while (i < left.Count && j < right.Count)
        {
            Append(both, Instant.Max(left[i].Start, right[j].Start), Instant.Min(left[i].End, right[j].End));
            if (left[i].End < right[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return both;
    }

    /// <summary>Adds [start, end) at the tail, merging it into the last interval when they touch.</summary>
    private static void Append(List<Interval> intervals, Instant start, Instant end)
    {
        if (start >= end)
        {
            return;
        }

        if (intervals.Count > 0 && intervals[^1].End >= start)
        {
            var last = intervals[^1];
            intervals[^1] = new Interval(last.Start, Instant.Max(last.End, end));
            return;
        }

        intervals.Add(new Interval(start, end));
    }
}

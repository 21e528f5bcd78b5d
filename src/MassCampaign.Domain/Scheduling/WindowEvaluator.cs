using NodaTime;

namespace MassCampaign.Domain.Scheduling;

/// <summary>
/// Answers whether a calling window is open for recipients of a <see cref="ZoneKey"/> and when it next opens.
/// A key with several zones is open only when the window holds in every one of them (COMPLIANCE.md §1.4).
/// </summary>
public static class WindowEvaluator
{
    // Searched a chunk at a time: a weekly window opens within 8 days in any one zone, but zones of a multi-zone key
    // may only line up under a different DST state, so "never" is only concluded after a full year of transitions.
    private static readonly Duration SearchChunk = Duration.FromDays(8);
    private static readonly Duration SearchHorizon = Duration.FromDays(8 * 47);

    /// <summary>True when, at <paramref name="now"/>, the local time in every zone of the key is inside the window.</summary>
    public static bool IsOpen(CallingWindow window, string zoneKey, Instant now)
    {
        ArgumentNullException.ThrowIfNull(window);
        return IsOpen(window, ZoneKey.Zones(zoneKey), now);
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="now"/> at which <see cref="IsOpen(CallingWindow, string, Instant)"/>
    /// holds, or null when the window never opens for this key (no days, or zones whose windows never overlap).
    /// </summary>
    public static Instant? NextOpening(CallingWindow window, string zoneKey, Instant now)
    {
        ArgumentNullException.ThrowIfNull(window);
        var zones = ZoneKey.Zones(zoneKey);
        if (!window.HasAnyDay)
        {
            return null;
        }

        if (IsOpen(window, zones, now))
        {
            return now;
        }

        for (var from = now; from < now + SearchHorizon; from += SearchChunk)
        {
            var opening = FirstOpening(window, zones, from, from + SearchChunk);
            if (opening is not null)
            {
                return opening;
            }
        }

        return null;
    }

    /// <summary>The keys, among <paramref name="zoneKeys"/>, whose recipients may be contacted at <paramref name="now"/>.</summary>
    public static IReadOnlySet<string> OpenKeys(CallingWindow window, IEnumerable<string> zoneKeys, Instant now)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(zoneKeys);
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in zoneKeys)
        {
            if (IsOpen(window, ZoneKey.Zones(key), now))
            {
                open.Add(key);
            }
        }

        return open;
    }

    /// <summary>The earliest <see cref="NextOpening"/> over all keys, or null when none ever opens.</summary>
    public static Instant? EarliestOpening(CallingWindow window, IEnumerable<string> zoneKeys, Instant now)
    {
        ArgumentNullException.ThrowIfNull(zoneKeys);
        Instant? earliest = null;
        foreach (var key in zoneKeys)
        {
            var opening = NextOpening(window, key, now);
            if (opening == now)
            {
                return now;
            }

            if (opening is not null && (earliest is null || opening < earliest))
            {
                earliest = opening;
            }
        }

        return earliest;
    }

    private static bool IsOpen(CallingWindow window, DateTimeZone[] zones, Instant now)
    {
        foreach (var zone in zones)
        {
            if (!window.IsOpenAt(now.InZone(zone).LocalDateTime))
            {
                return false;
            }
        }

        return true;
    }

    private static Instant? FirstOpening(CallingWindow window, DateTimeZone[] zones, Instant from, Instant to)
    {
        var open = OpenIntervals.InZone(window, zones[0], from, to);
        for (var i = 1; i < zones.Length && open.Count > 0; i++)
        {
            open = OpenIntervals.Intersect(open, OpenIntervals.InZone(window, zones[i], from, to));
        }

        return open.Count > 0 ? open[0].Start : null;
    }
}

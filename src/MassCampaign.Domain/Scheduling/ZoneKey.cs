using System.Collections.Concurrent;
using NodaTime;

namespace MassCampaign.Domain.Scheduling;

/// <summary>
/// The time zone(s) a recipient's calling window must hold in, as one string stored per recipient: canonical tz ids,
/// distinct, sorted ordinally and joined by '|', e.g. "America/Boise|America/Los_Angeles".
/// </summary>
public static class ZoneKey
{
    public const char Separator = '|';

    // Keys come from tz ids (a few hundred in use), so this cache stays small; it spares the send loop a split per tick.
    private static readonly ConcurrentDictionary<string, DateTimeZone[]> ZonesByKey = new(StringComparer.Ordinal);

    /// <summary>Builds the key for a set of zone ids; aliases are replaced by their canonical id.</summary>
    /// <exception cref="ArgumentException">No ids, or an id the tz database does not know.</exception>
    public static string Create(IEnumerable<string> zoneIds)
    {
        ArgumentNullException.ThrowIfNull(zoneIds);
        var canonical = new List<string>();
        foreach (var id in zoneIds)
        {
            if (!TzdbZoneIds.TryCanonicalize(id, out var canonicalId))
            {
                throw new ArgumentException($"'{id}' is not a zone in the tz database.", nameof(zoneIds));
            }

            canonical.Add(canonicalId);
        }

        if (canonical.Count == 0)
        {
            throw new ArgumentException("A zone key needs at least one zone.", nameof(zoneIds));
        }

        return Join(canonical.ToArray());
    }

    /// <summary>The zone ids of a key, in key order.</summary>
    /// <exception cref="ArgumentException">The key is empty or has an empty part.</exception>
    public static IReadOnlyList<string> Split(string zoneKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(zoneKey);
        var ids = zoneKey.Split(Separator);
        if (Array.Exists(ids, id => id.Length == 0))
        {
            throw new ArgumentException($"'{zoneKey}' has an empty zone id.", nameof(zoneKey));
        }

        return ids;
    }

    /// <summary>Joins canonical ids (sorted in place) into a key.</summary>
    internal static string Join(string[] canonicalIds)
    {
        if (canonicalIds.Length == 1)
        {
            return canonicalIds[0];
        }

        Array.Sort(canonicalIds, StringComparer.Ordinal);
        var distinct = 1;
        for (var i = 1; i < canonicalIds.Length; i++)
        {
            if (!string.Equals(canonicalIds[i], canonicalIds[distinct - 1], StringComparison.Ordinal))
            {
                canonicalIds[distinct++] = canonicalIds[i];
            }
        }

        return string.Join(Separator, canonicalIds, 0, distinct);
    }

    /// <exception cref="ArgumentException">The key names a zone the tz database does not know.</exception>
    internal static DateTimeZone[] Zones(string zoneKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(zoneKey);
        if (ZonesByKey.TryGetValue(zoneKey, out var cached))
        {
            return cached;
        }

        var zones = Split(zoneKey).Select(id => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw new ArgumentException($"Zone key '{zoneKey}' names '{id}', which is not in the tz database.", nameof(zoneKey)))
            .ToArray();
        return ZonesByKey.GetOrAdd(zoneKey, zones);
    }
}

using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using NodaTime.TimeZones;

namespace MassCampaign.Host.Contacts;

/// <summary>IANA zone ids as operators type them: matched ignoring case, answered with the canonical id.</summary>
public static class TimeZoneIds
{
    private static readonly FrozenDictionary<string, string> Canonical =
        TzdbDateTimeZoneSource.Default.CanonicalIdMap.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryCanonicalize(string? id, [NotNullWhen(true)] out string? canonical)
    {
        canonical = null;
        return id is not null && Canonical.TryGetValue(id, out canonical);
    }
}

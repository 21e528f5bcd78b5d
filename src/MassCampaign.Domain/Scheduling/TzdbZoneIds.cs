using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.TimeZones;

namespace MassCampaign.Domain.Scheduling;

/// <summary>Checks zone ids against NodaTime's bundled tz database and maps aliases to their canonical id.</summary>
internal static class TzdbZoneIds
{
    /// <summary>CLDR's marker for "no zone known" (libphonenumber returns it); never a real zone.</summary>
    public const string Unknown = "Etc/Unknown";

    // Canonicalising makes "Asia/Katmandu" (libphonenumber) and "Asia/Kathmandu" (a contact) one zone key.
    private static readonly IDictionary<string, string> CanonicalIds = TzdbDateTimeZoneSource.Default.CanonicalIdMap;

    public static bool TryCanonicalize([NotNullWhen(true)] string? zoneId, [NotNullWhen(true)] out string? canonicalId)
    {
        canonicalId = null;
        return zoneId is not null && zoneId != Unknown && CanonicalIds.TryGetValue(zoneId, out canonicalId);
    }

    public static DateTimeZone Zone(string canonicalId) => DateTimeZoneProviders.Tzdb[canonicalId];
}

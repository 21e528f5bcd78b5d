using System.Collections.Concurrent;
using MassCampaign.Domain.Scheduling;

namespace MassCampaign.Host.Contacts;

/// <summary>
/// Remembers the zone key of numbers by block for one import: all but the last four digits. Resolving parses the
/// number again, which costs as much as normalising it; the numbers of a list cluster in few blocks.
/// </summary>
/// <remarks>
/// libphonenumber maps time zones by number prefix and tells geographic from non-geographic numbers by their
/// leading digits; checked over every region's example numbers of every type with random last four digits
/// (1.4 million valid numbers), a block never held numbers with different zones. The key keeps the length, so
/// numbers of different lengths never share a block.
/// </remarks>
internal sealed class ZoneKeyCache(RecipientZoneResolver resolver, string campaignZone)
{
    private const int MaxEntries = 100_000;
    private const int FreeDigits = 4;

    private readonly ConcurrentDictionary<long, string> keys = new();

    /// <param name="e164">A valid number in E.164 form.</param>
    public string ZoneKeyOf(string e164)
    {
        if (!TryBlockOf(e164, out var block))
        {
            return resolver.Resolve(null, e164, campaignZone);
        }

        if (keys.TryGetValue(block, out var known))
        {
            return known;
        }

        var zoneKey = resolver.Resolve(null, e164, campaignZone);
        // A bound, not an eviction policy: a list spread over more blocks than this just stops being cached.
        if (keys.Count < MaxEntries)
        {
            keys.TryAdd(block, zoneKey);
        }

        return zoneKey;
    }

    /// <summary>The digits before the last four, with the number's length: at most 11 digits and 2, so a long.</summary>
    private static bool TryBlockOf(string e164, out long block)
    {
        block = 0;
        if (e164.Length <= FreeDigits + 2 || e164[0] != '+')
        {
            return false;
        }

        for (var i = 1; i < e164.Length - FreeDigits; i++)
        {
            block = block * 10 + (e164[i] - '0');
        }

        block = block * 100 + e164.Length;
        return true;
    }
}

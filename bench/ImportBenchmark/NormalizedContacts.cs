using MassCampaign.Data.Contacts;
using MassCampaign.Domain.Scheduling;

namespace ImportBenchmark;

/// <summary>
/// The rows <see cref="ContactCsvWriter"/> writes, as the import has them once normalised: E.164 numbers, canonical
/// zones, the attributes object and the recipient's zone key, with the invalid rows left out. The numbers are the
/// writer's formulas in E.164 form; the end-state comparison of each run catches the two drifting apart.
/// </summary>
public static class NormalizedContacts
{
    // The host's default candidate limit, so a number gets the zone key the import gives it.
    private static readonly RecipientZoneResolver Zones = new();

    public static ContactImportRow[] Generate(int rows, string campaignZone)
    {
        // Resolving parses the number again; numbers differing only in their last four digits share a zone, as the
        // host's own zone-key cache relies on.
        var zoneKeys = new Dictionary<string, string>().GetAlternateLookup<ReadOnlySpan<char>>();
        string ZoneKeyOf(string e164)
        {
            var block = e164.AsSpan(0, e164.Length - 4);
            if (!zoneKeys.TryGetValue(block, out var zoneKey))
            {
                zoneKeys[block] = zoneKey = Zones.Resolve(null, e164, campaignZone);
            }

            return zoneKey;
        }

        var normalized = new List<ContactImportRow>(rows);
        for (long i = 0; i < rows; i++)
        {
            if (ContactCsvWriter.IsInvalid(i))
            {
                continue;
            }

            var e164 = E164Of(i);
            var zone = i % 5 == 0 ? ContactCsvWriter.Zones[i % 6] : null;
            normalized.Add(new ContactImportRow(
                e164,
                ContactCsvWriter.FirstNames[i % ContactCsvWriter.FirstNames.Length],
                ContactCsvWriter.LastNames[i % ContactCsvWriter.LastNames.Length],
                zone,
                $$"""{"customer_id":"{{i}}","segment":"s{{i % 7}}"}""",
                zone ?? ZoneKeyOf(e164)));
        }

        return [.. normalized];
    }

    private static string E164Of(long i)
    {
        var n = i / 6;
        return (i % 6) switch
        {
            0 => $"+1{ContactCsvWriter.UsAreaCodes[n % 10]}{200 + (n / 10) % 700}{n / 7000 % 10000:D4}",
            1 => $"+447{700 + n % 200}{n / 200 % 1_000_000:D6}",
            2 => $"+49151{n % 100_000_000:D8}",
            3 => $"+919{n % 1_000_000_000:D9}",
            4 => $"+614{n % 100_000_000:D8}",
            _ => $"+55119{n % 100_000_000:D8}",
        };
    }
}

using MassCampaign.Data.Contacts;
using MassCampaign.Domain.Contacts;
using MassCampaign.Domain.Scheduling;

namespace MassCampaign.Host.Contacts;

/// <summary>
/// Checks the rows of a chunk: phone to E.164, time zone to a canonical IANA id, and the recipient's zone key
/// (the contact's zone, else the number's, else the campaign's). Thread-safe: chunks are normalised in parallel.
/// </summary>
public sealed class ContactChunkNormalizer(PhoneNumberNormalizer phones, RecipientZoneResolver zones)
{
    /// <summary>A normaliser for one import into a campaign whose zone is <paramref name="campaignZone"/>.</summary>
    public Func<ArraySegment<ContactInput>, NormalizedChunk> For(string campaignZone)
    {
        var cache = new ZoneKeyCache(zones, campaignZone);
        return inputs => Normalize(inputs, cache);
    }

    private NormalizedChunk Normalize(ArraySegment<ContactInput> inputs, ZoneKeyCache zoneKeys)
    {
        var rows = new List<ContactImportRow>(inputs.Count);
        var rejected = new List<RejectedContact>();
        foreach (var input in inputs)
        {
            var (row, problem) = Check(input, zoneKeys);
            if (row is null)
            {
                rejected.Add(new RejectedContact(input.Row, ContactFields.ForDisplay(input.Phone), problem!));
            }
            else
            {
                rows.Add(row);
            }
        }

        return new NormalizedChunk(rows, rejected);
    }

    private (ContactImportRow? Row, string? Problem) Check(ContactInput input, ZoneKeyCache zoneKeys)
    {
        if (input.Problem is { } problem)
        {
            return (null, problem);
        }

        if (input.Phone is null)
        {
            return (null, "phone is empty");
        }

        var phone = phones.Normalize(input.Phone);
        if (!phone.IsValid)
        {
            return (null, $"invalid phone number: {phone.Reason}");
        }

        string? zone = null;
        if (input.TimeZone is { } given && !TimeZoneIds.TryCanonicalize(given, out zone))
        {
            return (null, $"unknown time zone '{given}': use an IANA id such as America/New_York");
        }

        var e164 = phone.E164!;
        return (new ContactImportRow(e164, input.FirstName, input.LastName, zone, input.AttributesJson, zone ?? zoneKeys.ZoneKeyOf(e164)), null);
    }
}

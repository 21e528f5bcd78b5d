using PhoneNumbers;

namespace MassCampaign.Domain.Scheduling;

/// <summary>
/// Decides which time zone(s) a recipient's calling window is read in (DESIGN.md §5, COMPLIANCE.md §1.4): the
/// contact's own zone, else every zone libphonenumber gives for the number, else the campaign's zone.
/// Thread-safe; the libphonenumber singletons it uses are.
/// </summary>
public sealed class RecipientZoneResolver
{
    /// <summary>More candidates than this is a non-geographic number (+1 toll-free lists 41 zones): too vague to use.</summary>
    public const int DefaultMaxCandidateZones = 3;

    // How many tz names (aliases included) one real zone may appear under in libphonenumber's data.
    private const int NamesPerZoneAllowance = 4;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberToTimeZonesMapper Mapper = PhoneNumberToTimeZonesMapper.GetInstance();

    public RecipientZoneResolver(int maxCandidateZones = DefaultMaxCandidateZones)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCandidateZones, 1);
        MaxCandidateZones = maxCandidateZones;
    }

    public int MaxCandidateZones { get; }

    /// <param name="contactZoneId">The contact's own tz id, if any; ignored when the tz database does not know it.</param>
    /// <param name="e164">The recipient's number in E.164 form, if any.</param>
    /// <param name="campaignZoneId">The campaign's tz id, used when nothing better is known.</param>
    /// <returns>A <see cref="ZoneKey"/>.</returns>
    /// <exception cref="ArgumentException">The campaign zone is not in the tz database.</exception>
    public string Resolve(string? contactZoneId, string? e164, string campaignZoneId)
    {
        if (!TzdbZoneIds.TryCanonicalize(campaignZoneId, out var campaignZone))
        {
            throw new ArgumentException($"Campaign zone '{campaignZoneId}' is not in the tz database.", nameof(campaignZoneId));
        }

        if (TzdbZoneIds.TryCanonicalize(contactZoneId?.Trim(), out var contactZone))
        {
            return contactZone;
        }

        return ZoneKeyOfNumber(e164) ?? campaignZone;
    }

    private string? ZoneKeyOfNumber(string? e164)
    {
        // Only E.164 is accepted here; anything else would need a region guess, which normalisation already made.
        if (e164 is null || e164.Length < 2 || e164[0] != '+')
        {
            return null;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(e164, null);
        }
        catch (NumberParseException)
        {
            return null;
        }

        var candidates = Mapper.GetTimeZonesForNumber(number);
        // The limit applies to distinct zones, not names: UK mobiles list Guernsey, Jersey, Isle of Man and London,
        // all one zone. A list far longer than the limit (41 for +1 non-geographic) is not worth canonicalising.
        if (candidates.Count == 0 || candidates.Count > MaxCandidateZones * NamesPerZoneAllowance)
        {
            return null;
        }

        var zones = new string[candidates.Count];
        for (var i = 0; i < zones.Length; i++)
        {
            // One unusable candidate voids the set: dropping it would let the window miss a zone the recipient may be in.
            if (!TzdbZoneIds.TryCanonicalize(candidates[i], out var zone))
            {
                return null;
            }

            zones[i] = zone;
        }

        var key = ZoneKey.Join(zones);
        return ZoneKey.Split(key).Count > MaxCandidateZones ? null : key;
    }
}

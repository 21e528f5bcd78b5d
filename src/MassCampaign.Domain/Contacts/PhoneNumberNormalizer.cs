using System.Text;
using PhoneNumbers;

namespace MassCampaign.Domain.Contacts;

/// <summary>
/// Turns whatever an import or API caller typed into the one E.164 string used as the key for sending, blacklists
/// and consent (COMPLIANCE.md §4). Thread-safe: one instance can serve a parallel import.
/// </summary>
public sealed class PhoneNumberNormalizer
{
    private const string NotAPhoneNumber = "not a phone number";
    private const string UnknownCountryCode = "unknown country code after +";
    private const string HasExtension = "has an extension, which a campaign cannot dial";
    private const string LongerThanE164 = "too long: E.164 allows at most 15 digits";
    private const int MaxE164Digits = 15;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // One builder per thread: formatting into it lets already-canonical input be returned without a new string.
    [ThreadStatic]
    private static StringBuilder? formatBuffer;

    private readonly string needsCountryHint;

    /// <param name="defaultRegion">ISO 3166-1 alpha-2 region assumed for numbers written without +, e.g. "US".</param>
    public PhoneNumberNormalizer(string defaultRegion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRegion);
        var region = defaultRegion.Trim().ToUpperInvariant();
        if (!Util.GetSupportedRegions().Contains(region))
        {
            throw new ArgumentException(
                $"'{defaultRegion}' is not a region libphonenumber knows; use an ISO 3166-1 alpha-2 code such as US.",
                nameof(defaultRegion));
        }

        DefaultRegion = region;
        needsCountryHint = $"numbers without + need a country: default region is {region}";
    }

    public string DefaultRegion { get; }

    public PhoneNormalization Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return PhoneNormalization.Invalid("empty");
        }

        var canonicalLooking = LooksLikeCanonicalE164(raw);
        // Without a digit libphonenumber can only throw; answering here keeps junk rows off the exception path.
        if (!canonicalLooking && !ContainsDigit(raw))
        {
            return PhoneNormalization.Invalid(NotAPhoneNumber);
        }

        var international = canonicalLooking || StartsWithPlus(raw);
        PhoneNumber number;
        try
        {
            number = Util.Parse(raw, DefaultRegion);
        }
        catch (NumberParseException e)
        {
            return PhoneNormalization.Invalid(ReasonFor(e.ErrorType, international));
        }

        if (number.HasExtension)
        {
            return PhoneNormalization.Invalid(HasExtension);
        }

        if (!Util.IsValidNumber(number))
        {
            return PhoneNormalization.Invalid(ReasonForInvalid(number, international));
        }

        var e164 = formatBuffer ??= new StringBuilder(capacity: 24);
        Util.Format(number, PhoneNumberFormat.E164, e164);
        // Some plans (German fixed lines) let libphonenumber accept numbers no carrier can route as E.164.
        if (e164.Length > MaxE164Digits + 1)
        {
            return PhoneNormalization.Invalid(LongerThanE164);
        }

        // Fast path: input that already is canonical E.164 (re-imports, API callers) is handed back as the same string.
        return PhoneNormalization.Valid(canonicalLooking && e164.Equals(raw.AsSpan()) ? raw : e164.ToString());
    }

    private string ReasonFor(ErrorType error, bool international) => error switch
    {
        ErrorType.INVALID_COUNTRY_CODE => international ? UnknownCountryCode : needsCountryHint,
        ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => "too short",
        ErrorType.TOO_LONG => "too long",
        _ => NotAPhoneNumber,
    };

    private string ReasonForInvalid(PhoneNumber number, bool international)
    {
        var region = Util.GetRegionCodeForCountryCode(number.CountryCode);
        var problem = Util.IsPossibleNumberWithReason(number) switch
        {
            PhoneNumberUtil.ValidationResult.TOO_SHORT => $"too short for region {region}",
            PhoneNumberUtil.ValidationResult.TOO_LONG => $"too long for region {region}",
            PhoneNumberUtil.ValidationResult.INVALID_LENGTH => $"wrong length for region {region}",
            PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => UnknownCountryCode,
            _ => $"invalid for region {region}",
        };

        // A foreign number typed without + is read as a local one; say so, because that is the usual cause.
        return international ? problem : $"{problem}; {needsCountryHint}";
    }

    /// <summary>'+', a non-zero digit, then digits only, at most 15 in all (ITU-T E.164).</summary>
    private static bool LooksLikeCanonicalE164(string raw)
    {
        if (raw.Length < 3 || raw.Length > MaxE164Digits + 1 || raw[0] != '+' || raw[1] == '0')
        {
            return false;
        }

        return !raw.AsSpan(1).ContainsAnyExceptInRange('0', '9');
    }

    private static bool StartsWithPlus(string raw)
    {
        var text = raw.AsSpan().TrimStart();
        // libphonenumber also accepts the full-width plus sign.
        return text.Length > 0 && (text[0] is '+' or '\uFF0B');
    }

    private static bool ContainsDigit(string raw)
    {
        foreach (var c in raw)
        {
            // char.IsDigit, not IsAsciiDigit: libphonenumber reads full-width and Arabic-Indic digits too.
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}

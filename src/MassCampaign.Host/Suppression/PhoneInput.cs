using MassCampaign.Domain.Contacts;

namespace MassCampaign.Host.Suppression;

/// <summary>
/// Normalises phone numbers arriving over HTTP to E.164. Operators type national or international forms, and in a
/// URL the '+' is often dropped; Vonage always sends international digits without the '+'.
/// </summary>
public sealed class PhoneInput(PhoneNumberNormalizer normalizer)
{
    /// <summary>As typed by an operator: the default region first, then bare digits read as international.</summary>
    public PhoneNormalization FromOperator(string? raw)
    {
        var result = normalizer.Normalize(raw);
        return result.IsValid || !IsBareDigits(raw) ? result : Prefer(normalizer.Normalize("+" + raw!.Trim()), result);
    }

    /// <summary>A Vonage <c>msisdn</c>: international digits without '+'; anything else (a short code, a name) stays invalid.</summary>
    public PhoneNormalization FromVonage(string msisdn) =>
        IsBareDigits(msisdn) ? normalizer.Normalize("+" + msisdn.Trim()) : normalizer.Normalize(msisdn);

    private static PhoneNormalization Prefer(PhoneNormalization international, PhoneNormalization national) =>
        international.IsValid ? international : national;

    private static bool IsBareDigits(string? raw) =>
        raw is not null && raw.Trim() is { Length: > 0 } trimmed && !trimmed.AsSpan().ContainsAnyExceptInRange('0', '9');
}

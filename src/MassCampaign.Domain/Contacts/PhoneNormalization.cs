namespace MassCampaign.Domain.Contacts;

/// <summary>
/// Outcome of normalising one raw phone number: its E.164 form when valid, otherwise a reason an operator can act on.
/// </summary>
/// <remarks>A value type so the million normalisations of an import allocate nothing for the result itself.</remarks>
public readonly record struct PhoneNormalization(bool IsValid, string? E164, string? Reason)
{
    public static PhoneNormalization Valid(string e164) => new(true, e164, null);

    public static PhoneNormalization Invalid(string reason) => new(false, null, reason);
}

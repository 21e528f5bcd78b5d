namespace MassCampaign.Domain.Campaigns;

/// <summary>Parsing shared by the enum name helpers: only the wire names count, so "1" or "Sms2" never parse.</summary>
internal static class WireNames
{
    internal static bool TryParse<TEnum>(string? text, Func<TEnum, string> toWire, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(text, toWire(candidate), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}

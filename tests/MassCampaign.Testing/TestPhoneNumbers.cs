using System.Globalization;

namespace MassCampaign.Testing;

/// <summary>Distinct, valid US numbers by index, for campaigns of up to 80 million recipients.</summary>
public static class TestPhoneNumbers
{
    private static readonly string[] AreaCodes = ["212", "312", "415", "617", "713", "206", "305", "404", "303", "202"];
    private const int PerAreaCode = 800 * 10_000;

    /// <summary>E.164: +1, an area code, an exchange from 200 to 999 and a four-digit line.</summary>
    public static string Us(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, AreaCodes.Length * PerAreaCode);
        var area = AreaCodes[index / PerAreaCode];
        var exchange = 200 + (index % PerAreaCode / 10_000);
        var line = index % 10_000;
        return string.Create(CultureInfo.InvariantCulture, $"+1{area}{exchange:D3}{line:D4}");
    }
}

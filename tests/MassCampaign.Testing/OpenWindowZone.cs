using System.Globalization;

namespace MassCampaign.Testing;

/// <summary>
/// A time zone where it is about noon right now, so a 00:00–23:59 calling window stays open for hours whenever the
/// test runs; real zones would close at some hour of the day and stall a long test.
/// </summary>
public static class OpenWindowZone
{
    public static string Now(TimeProvider time)
    {
        var offsetHours = 12 - time.GetUtcNow().Hour;
        // POSIX sign convention: Etc/GMT-3 is three hours ahead of UTC.
        return offsetHours switch
        {
            0 => "Etc/GMT",
            > 0 => string.Create(CultureInfo.InvariantCulture, $"Etc/GMT-{offsetHours}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"Etc/GMT+{-offsetHours}"),
        };
    }
}

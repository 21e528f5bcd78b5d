using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace MassCampaign.Vonage.Sms;

/// <summary>How long Vonage asked us to wait: a <c>Retry-After</c> header or the bracketed ms in a status-1 text (VONAGE.md §7).</summary>
internal static partial class ThrottleHint
{
    public static TimeSpan? FromRetryAfter(HttpResponseHeaders headers, DateTimeOffset now) =>
        headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };

    /// <summary>Reads <c>Throughput Rate Exceeded - please wait [ 978 ] and retry</c> as 978 ms.</summary>
    public static TimeSpan? FromErrorText(string? errorText)
    {
        if (errorText is null)
        {
            return null;
        }

        var match = WaitMilliseconds().Match(errorText);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;
    }

    [GeneratedRegex(@"wait\s*\[\s*(\d{1,9})\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WaitMilliseconds();
}

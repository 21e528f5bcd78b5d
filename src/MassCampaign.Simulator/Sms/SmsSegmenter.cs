using MassCampaign.Domain.Messaging;

namespace MassCampaign.Simulator.Sms;

/// <summary>Cuts a body into the parts a handset would receive, packing the way <see cref="SmsText"/> counts them.</summary>
internal static class SmsSegmenter
{
    /// <param name="forceUcs2">True when the sender asked for <c>type=unicode</c>: then every character is UCS-2.</param>
    public static int CountParts(string text, bool forceUcs2)
    {
        var info = SmsText.Analyze(text);
        return info.Encoding == SmsEncoding.Ucs2 || !forceUcs2 ? info.Segments : Split(text, forceUcs2: true).Count;
    }

    public static bool IsUcs2(string text) => SmsText.Analyze(text).Encoding == SmsEncoding.Ucs2;

    public static IReadOnlyList<string> Split(string text, bool forceUcs2 = false)
    {
        var ucs2 = forceUcs2 || IsUcs2(text);
        var single = ucs2 ? SmsText.Ucs2SingleSegmentUnits : SmsText.Gsm7SingleSegmentUnits;
        if (Cost(text, ucs2) <= single)
        {
            return [text];
        }

        var capacity = ucs2 ? SmsText.Ucs2ConcatenatedSegmentUnits : SmsText.Gsm7ConcatenatedSegmentUnits;
        var parts = new List<string>();
        var start = 0;
        var used = 0;
        var i = 0;
        while (i < text.Length)
        {
            // A surrogate pair or a GSM escape pair never straddles two parts.
            var length = char.IsSurrogatePair(text, i) ? 2 : 1;
            var units = ucs2 ? length : Cost(text.Substring(i, length), ucs2: false);
            if (used + units > capacity)
            {
                parts.Add(text[start..i]);
                start = i;
                used = 0;
            }

            used += units;
            i += length;
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static int Cost(string text, bool ucs2) => ucs2 ? text.Length : SmsText.Analyze(text).Units;
}

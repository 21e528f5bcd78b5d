namespace MassCampaign.Domain.Messaging;

/// <summary>Chooses the encoding of an SMS body and counts its units and segments (COMPLIANCE.md §3).</summary>
public static class SmsText
{
    public const int Gsm7SingleSegmentUnits = 160;
    public const int Gsm7ConcatenatedSegmentUnits = 153;
    public const int Ucs2SingleSegmentUnits = 70;
    public const int Ucs2ConcatenatedSegmentUnits = 67;

    public static SmsTextInfo Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var septets = CountGsm7Septets(text);
        if (septets >= 0)
        {
            return new SmsTextInfo(SmsEncoding.Gsm7, septets, Gsm7Segments(text, septets));
        }

        return new SmsTextInfo(SmsEncoding.Ucs2, text.Length, Ucs2Segments(text));
    }

    /// <returns>The septet count, or -1 when one character is outside GSM-7 and the whole body must be UCS-2.</returns>
    private static int CountGsm7Septets(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            var cost = GsmAlphabet.Septets(c);
            if (cost == 0)
            {
                return -1;
            }

            septets += cost;
        }

        return septets;
    }

    // Segments are packed, not divided: an escape pair that would straddle a boundary moves whole
    // to the next segment, which can cost one more segment than units / 153 suggests.
    private static int Gsm7Segments(string text, int septets)
    {
        if (septets <= Gsm7SingleSegmentUnits)
        {
            return 1;
        }

        var packer = new SegmentPacker(Gsm7ConcatenatedSegmentUnits);
        foreach (var c in text)
        {
            packer.Add(GsmAlphabet.Septets(c));
        }

        return packer.Segments;
    }

    // A surrogate pair is one character to the handset, so it never straddles a segment boundary.
    private static int Ucs2Segments(string text)
    {
        if (text.Length <= Ucs2SingleSegmentUnits)
        {
            return 1;
        }

        var packer = new SegmentPacker(Ucs2ConcatenatedSegmentUnits);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                packer.Add(2);
                i++;
            }
            else
            {
                packer.Add(1);
            }
        }

        return packer.Segments;
    }

    private struct SegmentPacker(int capacity)
    {
        private int _used;

        public int Segments { get; private set; } = 1;

        public void Add(int units)
        {
            if (_used + units > capacity)
            {
                Segments++;
                _used = 0;
            }

            _used += units;
        }
    }
}

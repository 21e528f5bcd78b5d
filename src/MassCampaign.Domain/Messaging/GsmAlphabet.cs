namespace MassCampaign.Domain.Messaging;

/// <summary>GSM 03.38 default alphabet and its extension table, as septet costs.</summary>
internal static class GsmAlphabet
{
    /// <summary>
    /// The 127 characters of the basic table (0x1B, the escape, is not a character).
    /// 0x09 is capital Ç, as in GSM0338.TXT v1.1 and Twilio's calculator; small ç is not GSM.
    /// </summary>
    internal const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅå" +
        "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
        " !\"#¤%&'()*+,-./" +
        "0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNO" +
        "PQRSTUVWXYZÄÖÑÜ§" +
        "¿abcdefghijklmno" +
        "pqrstuvwxyzäöñüà";

    /// <summary>The ten characters sent as ESC + code, so each costs two septets.</summary>
    internal const string Extension = "\f^{}\\[~]|€";

    private const char Euro = '€';

    // Every basic and extension character except the euro sign lies below U+0400 (the Greek capitals
    // are the highest), so a small table answers the hot-path question without hashing.
    private const int TableSize = 0x400;

    private static readonly byte[] SeptetsByChar = BuildTable();

    /// <summary>Septets the character costs in GSM-7: 1 or 2, or 0 when GSM-7 cannot carry it.</summary>
    internal static int Septets(char c)
    {
        if (c < TableSize)
        {
            return SeptetsByChar[c];
        }

        return c == Euro ? 2 : 0;
    }

    private static byte[] BuildTable()
    {
        var table = new byte[TableSize];
        foreach (var c in Basic)
        {
            table[c] = 1;
        }

        foreach (var c in Extension)
        {
            if (c != Euro)
            {
                table[c] = 2;
            }
        }

        return table;
    }
}

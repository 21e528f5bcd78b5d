using System.Text;

namespace MassCampaign.Domain.Messaging;

/// <summary>Reduces an inbound SMS body to the bare word a keyword match compares (COMPLIANCE.md §2.4).</summary>
internal static class KeywordText
{
    private const char ReplacementCharacter = '\uFFFD';

    /// <summary>
    /// Strips every leading and trailing character that is not a letter or digit (whitespace including NBSP,
    /// zero-width characters and BOM, punctuation, symbols, emoji with their modifiers) and NFKC-normalises,
    /// so full-width and other compatibility forms become plain letters.
    /// </summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (Ascii.IsValid(text))
        {
            return TrimToLettersAndDigits(text);
        }

        // Trim before NFKC too, or a trailing symbol such as ™ would become the letters "TM" and glue onto the word.
        var word = TrimToLettersAndDigits(WithoutLoneSurrogates(text)).Normalize(NormalizationForm.FormKC);
        return FoldTurkishI(TrimToLettersAndDigits(word));
    }

    private static string TrimToLettersAndDigits(string text)
    {
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            Rune.DecodeFromUtf16(span, out var rune, out var consumed);
            if (Rune.IsLetterOrDigit(rune))
            {
                break;
            }

            span = span[consumed..];
        }

        while (!span.IsEmpty)
        {
            Rune.DecodeLastFromUtf16(span, out var rune, out var consumed);
            if (Rune.IsLetterOrDigit(rune))
            {
                break;
            }

            span = span[..^consumed];
        }

        return span.Length == text.Length ? text : span.ToString();
    }

    // A phone with a Turkish keyboard sends "QUİT" or "quıt"; ordinal case-folding keeps İ and ı apart from I and i.
    private static string FoldTurkishI(string word) =>
        word.Contains('\u0130') || word.Contains('\u0131')
            ? word.Replace('\u0130', 'I').Replace('\u0131', 'i')
            : word;

    // string.Normalize throws on ill-formed UTF-16, and a handset or gateway can deliver it.
    private static string WithoutLoneSurrogates(string text)
    {
        StringBuilder? repaired = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                repaired?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                repaired ??= new StringBuilder(text, 0, i, text.Length);
                repaired.Append(ReplacementCharacter);
                continue;
            }

            repaired?.Append(c);
        }

        return repaired?.ToString() ?? text;
    }
}

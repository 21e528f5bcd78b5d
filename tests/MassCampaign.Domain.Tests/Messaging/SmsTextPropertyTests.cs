using CsCheck;
using MassCampaign.Domain.Messaging;

namespace MassCampaign.Domain.Tests.Messaging;

public sealed class SmsTextPropertyTests
{
    private static readonly string[] Emoji = ["😀", "👍", "🇺", "🎉", "𝄞"];

    private static readonly Gen<string> BasicText =
        Gen.Char[GsmAlphabet.Basic].Array[0, 700].Select(chars => new string(chars));

    private static readonly Gen<string> AnyPiece = Gen.Frequency(
        (6, Gen.Char[GsmAlphabet.Basic].Select(c => c.ToString())),
        (2, Gen.Char[GsmAlphabet.Extension].Select(c => c.ToString())),
        (1, Gen.Char['\u0400', '\u04FF'].Select(c => c.ToString())),
        (1, Gen.OneOf(Emoji)));

    private static readonly Gen<string[]> AnyPieces = AnyPiece.Array[0, 400];

    [Fact]
    public void Basic_gsm_text_of_length_n_takes_one_segment_up_to_160_then_ceil_n_over_153()
    {
        BasicText.Sample(text =>
        {
            var n = text.Length;
            var expected = n <= 160 ? 1 : (n + 152) / 153;

            Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, n, expected), SmsText.Analyze(text));
        });
    }

    [Fact]
    public void One_non_gsm_character_anywhere_makes_the_whole_text_ucs2_counted_in_utf16_units()
    {
        Gen.Select(BasicText, Gen.Char['\u0400', '\u04FF'], Gen.Int[0, 1000]).Sample((text, foreign, at) =>
        {
            var mixed = text.Insert(at % (text.Length + 1), foreign.ToString());
            var info = SmsText.Analyze(mixed);

            Assert.Equal(SmsEncoding.Ucs2, info.Encoding);
            Assert.Equal(mixed.Length, info.Units);
        });
    }

    [Fact]
    public void Appending_a_character_never_reduces_segments()
    {
        Gen.Select(AnyPieces, AnyPiece).Sample((pieces, next) =>
        {
            var before = SmsText.Analyze(string.Concat(pieces));
            var after = SmsText.Analyze(string.Concat(pieces) + next);

            Assert.True(after.Segments >= before.Segments, $"{before} then {after}");
        });
    }

    [Fact]
    public void Appending_a_character_that_keeps_the_encoding_adds_its_units()
    {
        Gen.Select(AnyPieces, AnyPiece).Sample((pieces, next) =>
        {
            var before = SmsText.Analyze(string.Concat(pieces));
            var after = SmsText.Analyze(string.Concat(pieces) + next);

            if (after.Encoding == before.Encoding)
            {
                var added = after.Encoding == SmsEncoding.Ucs2 ? next.Length : SmsText.Analyze(next).Units;
                Assert.Equal(before.Units + added, after.Units);
            }
        });
    }

    [Fact]
    public void Segments_are_never_fewer_than_the_units_divided_by_the_segment_size()
    {
        AnyPieces.Sample(pieces =>
        {
            var info = SmsText.Analyze(string.Concat(pieces));
            var (single, concatenated) = info.Encoding == SmsEncoding.Gsm7 ? (160, 153) : (70, 67);
            var lowerBound = info.Units <= single ? 1 : (info.Units + concatenated - 1) / concatenated;

            Assert.InRange(info.Segments, lowerBound, lowerBound + info.Units / concatenated + 1);
        });
    }

    [Fact]
    public void Extension_only_text_never_splits_an_escape_pair_so_76_fit_per_concatenated_segment()
    {
        Gen.Char[GsmAlphabet.Extension].Array[1, 500].Sample(chars =>
        {
            var n = chars.Length;
            var expected = n <= 80 ? 1 : (n + 75) / 76;

            Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 2 * n, expected), SmsText.Analyze(new string(chars)));
        });
    }

    [Fact]
    public void Emoji_only_text_never_splits_a_surrogate_pair_so_33_fit_per_concatenated_segment()
    {
        Gen.OneOf(Emoji).Array[1, 300].Sample(emoji =>
        {
            var n = emoji.Length;
            var expected = n <= 35 ? 1 : (n + 32) / 33;

            Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, 2 * n, expected), SmsText.Analyze(string.Concat(emoji)));
        });
    }

    [Fact]
    public void Segment_count_matches_a_reference_packer_that_walks_whole_characters()
    {
        AnyPieces.Sample(pieces =>
        {
            var info = SmsText.Analyze(string.Concat(pieces));

            Assert.Equal(ReferenceSegments(pieces, info.Encoding), info.Segments);
        });
    }

    // Independent model: each piece is one handset character; fill segments greedily with whole pieces.
    private static int ReferenceSegments(string[] pieces, SmsEncoding encoding)
    {
        var costs = pieces
            .Select(p => encoding == SmsEncoding.Ucs2 ? p.Length : GsmAlphabet.Extension.Contains(p[0]) ? 2 : 1)
            .ToList();
        var (single, concatenated) = encoding == SmsEncoding.Gsm7 ? (160, 153) : (70, 67);
        if (costs.Sum() <= single)
        {
            return 1;
        }

        var segments = new List<int> { 0 };
        foreach (var cost in costs)
        {
            if (segments[^1] + cost > concatenated)
            {
                segments.Add(0);
            }

            segments[^1] += cost;
        }

        return segments.Count;
    }
}

using CsCheck;
using MassCampaign.Domain.Messaging;

namespace MassCampaign.Domain.Tests.Messaging;

public sealed class InboundClassifierPropertyTests
{
    private static readonly (string Keyword, InboundIntent Intent)[] Keywords =
    [
        .. InboundKeywords.OptOut.Select(k => (k, InboundIntent.OptOut)),
        .. InboundKeywords.OptIn.Select(k => (k, InboundIntent.OptIn)),
        .. InboundKeywords.Help.Select(k => (k, InboundIntent.Help)),
    ];

    private static readonly Gen<string> Decoration = Gen.OneOf(
            " ", "\t", "\r\n", "\u00A0", "\u200B", "\uFEFF", ".", "!", "?", ",", "¡", "¿", "\"", "'", "(", ")",
            "*", "-", "~", "…", "😀", "👍🏽", "❤️", "🛑", "🇺🇸", "™", "♥")
        .Array[0, 4]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<(string Keyword, InboundIntent Intent)> AnyKeyword = Gen.OneOf(Keywords);

    private static readonly Gen<string> RandomCase = Gen.Bool.Array[20].Select(flags => new string(flags.Select(f => f ? 'U' : 'l').ToArray()));

    [Fact]
    public void Any_keyword_in_any_case_wrapped_in_whitespace_punctuation_or_emoji_is_recognised()
    {
        Gen.Select(AnyKeyword, RandomCase, Decoration, Decoration).Sample((entry, casing, before, after) =>
        {
            var word = new string(entry.Keyword.Select((c, i) => casing[i] == 'U' ? c : char.ToLowerInvariant(c)).ToArray());

            Assert.Equal(new InboundClassification(entry.Intent, entry.Keyword), InboundClassifier.Classify(before + word + after));
        });
    }

    [Fact]
    public void Keyword_followed_by_another_word_is_a_reply()
    {
        var word = Gen.Char['a', 'z'].Array[1, 10].Select(chars => new string(chars));

        Gen.Select(AnyKeyword, word).Sample((entry, extra) =>
        {
            Assert.Equal(InboundIntent.Reply, InboundClassifier.Classify(entry.Keyword + " " + extra).Intent);
            Assert.Equal(InboundIntent.Reply, InboundClassifier.Classify(extra + " " + entry.Keyword).Intent);
        });
    }

    [Fact]
    public void Classification_never_throws_and_a_reply_never_carries_a_keyword()
    {
        Gen.Char.Array[0, 40].Select(chars => new string(chars)).Sample(text =>
        {
            var result = InboundClassifier.Classify(text);

            Assert.Equal(result.Intent == InboundIntent.Reply, result.Keyword is null);
        });
    }
}

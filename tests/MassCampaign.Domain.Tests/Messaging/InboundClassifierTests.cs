using System.Globalization;
using MassCampaign.Domain.Messaging;

namespace MassCampaign.Domain.Tests.Messaging;

public sealed class InboundClassifierTests
{
    [Theory]
    [InlineData("STOP", "STOP")]
    [InlineData("stop", "STOP")]
    [InlineData("Stop", "STOP")]
    [InlineData("sToP", "STOP")]
    [InlineData("STOPALL", "STOPALL")]
    [InlineData("stopall", "STOPALL")]
    [InlineData("UNSUBSCRIBE", "UNSUBSCRIBE")]
    [InlineData("Unsubscribe", "UNSUBSCRIBE")]
    [InlineData("CANCEL", "CANCEL")]
    [InlineData("end", "END")]
    [InlineData("Quit", "QUIT")]
    [InlineData("OPTOUT", "OPTOUT")]
    [InlineData("optout", "OPTOUT")]
    [InlineData("revoke", "REVOKE")]
    [InlineData("opt out", "OPTOUT")]
    [InlineData("Opt-Out", "OPTOUT")]
    [InlineData(" OPT OUT! ", "OPTOUT")]
    public void Opt_out_keyword_in_any_case_opts_out(string text, string keyword)
    {
        Assert.Equal(new InboundClassification(InboundIntent.OptOut, keyword), InboundClassifier.Classify(text));
    }

    [Theory]
    [InlineData("START", "START")]
    [InlineData("start", "START")]
    [InlineData("Unstop", "UNSTOP")]
    [InlineData("yes", "YES")]
    [InlineData("Yes!", "YES")]
    public void Opt_in_keyword_opts_in(string text, string keyword)
    {
        Assert.Equal(new InboundClassification(InboundIntent.OptIn, keyword), InboundClassifier.Classify(text));
    }

    [Theory]
    [InlineData("HELP", "HELP")]
    [InlineData("help?", "HELP")]
    [InlineData("Info", "INFO")]
    public void Help_keyword_asks_for_help(string text, string keyword)
    {
        Assert.Equal(new InboundClassification(InboundIntent.Help, keyword), InboundClassifier.Classify(text));
    }

    [Theory]
    [InlineData(" stop. ")]
    [InlineData("STOP!")]
    [InlineData("stop!!!")]
    [InlineData("¡STOP!")]
    [InlineData("«STOP»")]
    [InlineData("\"stop\"")]
    [InlineData("(stop)")]
    [InlineData("...stop...")]
    [InlineData("-stop-")]
    [InlineData("*STOP*")]
    [InlineData("\tSTOP\r\n")]
    [InlineData("\u00A0stop\u00A0")]
    [InlineData("\u200Bstop\u200B")]
    [InlineData("\uFEFFstop")]
    [InlineData("stop\u2060")]
    [InlineData("\u3000STOP\u2003")]
    [InlineData("STOP 🛑")]
    [InlineData("🙏 stop 🙏")]
    [InlineData("STOP👍🏽")]
    [InlineData("STOP❤️")]
    [InlineData("STOP 🇺🇸")]
    [InlineData("STOP #️⃣")]
    [InlineData("STOP $€£")]
    [InlineData("stop。")]
    public void Stop_keyword_with_surrounding_whitespace_punctuation_or_emoji_opts_out(string text)
    {
        Assert.Equal(new InboundClassification(InboundIntent.OptOut, "STOP"), InboundClassifier.Classify(text));
    }

    [Theory]
    [InlineData("ＳＴＯＰ")]
    [InlineData("ｓｔｏｐ")]
    [InlineData("ſtop")]
    public void Compatibility_forms_of_stop_are_normalised_and_opt_out(string text)
    {
        Assert.Equal(new InboundClassification(InboundIntent.OptOut, "STOP"), InboundClassifier.Classify(text));
    }

    [Theory]
    [InlineData("stop all")]
    [InlineData("opt out please")]
    [InlineData("STOP PLEASE")]
    [InlineData("please stop")]
    [InlineData("Stop. Thank you")]
    [InlineData("st op")]
    [InlineData("STOPP")]
    [InlineData("stops")]
    [InlineData("unstoppable")]
    [InlineData("S.T.O.P")]
    [InlineData("st\u200Bop")]
    [InlineData("Yes please")]
    [InlineData("What time is the appointment?")]
    public void Message_that_is_not_exactly_a_keyword_is_a_reply(string text)
    {
        Assert.Equal(new InboundClassification(InboundIntent.Reply, null), InboundClassifier.Classify(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    [InlineData("🛑")]
    [InlineData("\u200B\uFEFF")]
    [InlineData("\uD83D")]
    [InlineData("stop\uDC00x")]
    public void Empty_symbol_only_or_ill_formed_text_is_a_reply(string? text)
    {
        Assert.Equal(new InboundClassification(InboundIntent.Reply, null), InboundClassifier.Classify(text));
    }

    [Fact]
    public void Lone_surrogate_around_a_keyword_is_stripped_like_any_other_symbol()
    {
        Assert.Equal(InboundIntent.OptOut, InboundClassifier.Classify("\uD83Dstop\uDC00").Intent);
    }

    [Theory]
    [InlineData("stop", InboundIntent.OptOut, "STOP")]
    [InlineData("quit", InboundIntent.OptOut, "QUIT")]
    [InlineData("QUIT", InboundIntent.OptOut, "QUIT")]
    [InlineData("unsubscribe", InboundIntent.OptOut, "UNSUBSCRIBE")]
    [InlineData("info", InboundIntent.Help, "INFO")]
    [InlineData("INFO", InboundIntent.Help, "INFO")]
    [InlineData("QUİT", InboundIntent.OptOut, "QUIT")]
    [InlineData("quıt", InboundIntent.OptOut, "QUIT")]
    [InlineData("İNFO", InboundIntent.Help, "INFO")]
    public void Keywords_with_the_letter_i_match_under_turkish_culture(string text, InboundIntent intent, string keyword)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");

            Assert.Equal(new InboundClassification(intent, keyword), InboundClassifier.Classify(text));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Keyword_sets_are_disjoint_and_upper_case()
    {
        var all = InboundKeywords.OptOut.Concat(InboundKeywords.OptIn).Concat(InboundKeywords.Help).ToList();

        Assert.Equal(all.Count, all.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(all, k => Assert.Equal(k.ToUpperInvariant(), k));
        Assert.Equal(13, all.Count);
    }
}

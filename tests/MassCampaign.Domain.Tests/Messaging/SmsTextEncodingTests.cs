using MassCampaign.Domain.Messaging;

namespace MassCampaign.Domain.Tests.Messaging;

public sealed class SmsTextEncodingTests
{
    public static TheoryData<char> BasicCharacters() => new(GsmAlphabet.Basic);

    public static TheoryData<char> ExtensionCharacters() => new(GsmAlphabet.Extension);

    [Fact]
    public void Basic_table_has_127_distinct_characters_and_extension_table_has_10()
    {
        Assert.Equal(127, GsmAlphabet.Basic.Distinct().Count());
        Assert.Equal(127, GsmAlphabet.Basic.Length);
        Assert.Equal(10, GsmAlphabet.Extension.Distinct().Count());
        Assert.Empty(GsmAlphabet.Basic.Intersect(GsmAlphabet.Extension));
    }

    [Theory]
    [MemberData(nameof(BasicCharacters))]
    public void Every_basic_table_character_is_gsm7_and_costs_one_septet(char c)
    {
        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 1, 1), SmsText.Analyze(c.ToString()));
    }

    [Theory]
    [MemberData(nameof(ExtensionCharacters))]
    public void Every_extension_table_character_is_gsm7_and_costs_two_septets(char c)
    {
        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 2, 1), SmsText.Analyze(c.ToString()));
    }

    [Fact]
    public void Empty_text_is_one_gsm7_segment_of_zero_units()
    {
        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 0, 1), SmsText.Analyze(""));
    }

    [Fact]
    public void Null_text_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => SmsText.Analyze(null!));
    }

    [Theory]
    [InlineData("Hello\nworld", 11)]
    [InlineData("Hello\r\nworld", 12)]
    [InlineData("Price: 5€ [promo] {now}", 28)]
    [InlineData("Ça va? Øre, ß, Δ, ¿, ¡, §, ¤", 28)]
    [InlineData("@$_", 3)]
    public void Gsm7_text_counts_septets_with_extension_characters_costing_two(string text, int septets)
    {
        var info = SmsText.Analyze(text);

        Assert.Equal(SmsEncoding.Gsm7, info.Encoding);
        Assert.Equal(septets, info.Units);
    }

    [Theory]
    [InlineData("`")]
    [InlineData("ç")]
    [InlineData("á")]
    [InlineData("í")]
    [InlineData("ó")]
    [InlineData("ú")]
    [InlineData("â")]
    [InlineData("ê")]
    [InlineData("Ж")]
    [InlineData("ع")]
    [InlineData("中")]
    [InlineData("\u2018")]
    [InlineData("\u2019")]
    [InlineData("\u201C")]
    [InlineData("\u201D")]
    [InlineData("\u2013")]
    [InlineData("\u2014")]
    [InlineData("\u2026")]
    [InlineData("\u2022")]
    [InlineData("\u00A0")]
    [InlineData("\u200B")]
    [InlineData("\u2060")]
    [InlineData("\uFEFF")]
    [InlineData("\t")]
    [InlineData("\u001B")]
    [InlineData("\u03B1")]
    [InlineData("\u0391")]
    public void Character_outside_gsm7_is_ucs2(string text)
    {
        Assert.Equal(SmsEncoding.Ucs2, SmsText.Analyze(text).Encoding);
    }

    [Fact]
    public void Backtick_switches_a_whole_gsm_message_to_ucs2()
    {
        var info = SmsText.Analyze("Use code `SAVE10` today");

        Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, 23, 1), info);
    }

    [Fact]
    public void Capital_c_cedilla_is_gsm7_but_small_c_cedilla_is_not()
    {
        Assert.Equal(SmsEncoding.Gsm7, SmsText.Analyze("Ç").Encoding);
        Assert.Equal(SmsEncoding.Ucs2, SmsText.Analyze("ç").Encoding);
    }

    [Fact]
    public void Extension_characters_cost_one_unit_each_once_the_message_is_ucs2()
    {
        var info = SmsText.Analyze("{€}ж");

        Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, 4, 1), info);
    }

    [Theory]
    [InlineData("😀", 2)]
    [InlineData("👍🏽", 4)]
    [InlineData("❤️", 2)]
    [InlineData("🇺🇸", 4)]
    [InlineData("👨‍👩‍👧", 8)]
    public void Emoji_count_every_utf16_code_unit(string emoji, int units)
    {
        Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, units, 1), SmsText.Analyze(emoji));
    }

    [Fact]
    public void Lone_surrogate_is_ucs2_and_costs_one_unit()
    {
        Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, 2, 1), SmsText.Analyze("a\uD83D"));
    }
}

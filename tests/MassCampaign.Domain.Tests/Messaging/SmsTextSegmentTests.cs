using MassCampaign.Domain.Messaging;

namespace MassCampaign.Domain.Tests.Messaging;

public sealed class SmsTextSegmentTests
{
    private const string Emoji = "😀";

    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    [InlineData(1530, 10)]
    public void Gsm7_text_fits_160_septets_in_one_segment_and_153_per_segment_after(int length, int segments)
    {
        var info = SmsText.Analyze(new string('a', length));

        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, length, segments), info);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(201, 3)]
    [InlineData(202, 4)]
    public void Ucs2_text_fits_70_units_in_one_segment_and_67_per_segment_after(int length, int segments)
    {
        var info = SmsText.Analyze(new string('ж', length));

        Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, length, segments), info);
    }

    [Fact]
    public void Eighty_extension_characters_fill_exactly_one_segment()
    {
        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 160, 1), SmsText.Analyze(new string('€', 80)));
    }

    [Fact]
    public void Escape_pair_that_would_straddle_a_boundary_moves_to_the_next_segment()
    {
        // 306 septets divide into 2 segments, but the euro at septets 153-154 cannot be split.
        var text = new string('a', 152) + "€" + new string('a', 152);

        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 306, 3), SmsText.Analyze(text));
    }

    [Fact]
    public void Escape_pair_that_ends_exactly_on_a_boundary_stays_in_its_segment()
    {
        var text = new string('a', 151) + "€" + new string('a', 153);

        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 306, 2), SmsText.Analyze(text));
    }

    [Fact]
    public void Surrogate_pair_that_would_straddle_a_boundary_moves_to_the_next_segment()
    {
        // 134 units divide into 2 segments, but the emoji at units 67-68 cannot be split.
        var text = new string('ж', 66) + Emoji + new string('ж', 66);

        Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, 134, 3), SmsText.Analyze(text));
    }

    [Fact]
    public void Surrogate_pair_that_ends_exactly_on_a_boundary_stays_in_its_segment()
    {
        var text = new string('ж', 65) + Emoji + new string('ж', 67);

        Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, 134, 2), SmsText.Analyze(text));
    }

    [Theory]
    [InlineData(35, 1)]
    [InlineData(36, 2)]
    [InlineData(66, 2)]
    [InlineData(67, 3)]
    public void Emoji_only_text_packs_33_emoji_per_concatenated_segment(int count, int segments)
    {
        var text = string.Concat(Enumerable.Repeat(Emoji, count));

        Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, count * 2, segments), SmsText.Analyze(text));
    }

    [Fact]
    public void One_emoji_turns_a_one_segment_gsm_message_into_a_three_segment_ucs2_message()
    {
        var gsm = new string('a', 150);

        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 150, 1), SmsText.Analyze(gsm));
        Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, 152, 3), SmsText.Analyze(gsm + Emoji));
    }
}

using MassCampaign.Domain.Messaging;
using MassCampaign.Simulator.Sms;

namespace MassCampaign.Vonage.Tests.Simulator;

public sealed class SmsSegmenterTests
{
    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Gsm_text_splits_into_as_many_parts_as_the_domain_counts(int length, int parts)
    {
        var text = new string('a', length);

        var split = SmsSegmenter.Split(text);

        Assert.Equal(parts, split.Count);
        Assert.Equal(SmsText.Analyze(text).Segments, split.Count);
        Assert.Equal(text, string.Concat(split));
    }

    [Fact]
    public void Escape_characters_never_straddle_parts()
    {
        var text = new string('a', 152) + "€" + new string('b', 10);

        var split = SmsSegmenter.Split(text);

        Assert.Equal(new string('a', 152), split[0]);
        Assert.StartsWith("€", split[1]);
        Assert.Equal(SmsText.Analyze(text).Segments, split.Count);
    }

    [Fact]
    public void Unicode_text_splits_at_67_without_breaking_a_surrogate_pair()
    {
        var text = new string('ж', 66) + "😀" + new string('ж', 10);

        var split = SmsSegmenter.Split(text);

        Assert.Equal(66, split[0].Length);
        Assert.StartsWith("😀", split[1]);
        Assert.Equal(SmsText.Analyze(text).Segments, split.Count);
        Assert.Equal(text, string.Concat(split));
    }

    [Fact]
    public void Gsm_text_sent_as_unicode_is_counted_in_ucs2_parts()
    {
        var text = new string('a', 100);

        Assert.Equal(1, SmsSegmenter.CountParts(text, forceUcs2: false));
        Assert.Equal(2, SmsSegmenter.CountParts(text, forceUcs2: true));
    }
}

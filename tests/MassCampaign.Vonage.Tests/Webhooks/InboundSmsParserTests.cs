using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Vonage.Tests.Webhooks;

public sealed class InboundSmsParserTests
{
    // The example of VONAGE.md §3.2, the second of three parts.
    private static readonly Dictionary<string, string> Example = new()
    {
        ["msisdn"] = "447700900001",
        ["to"] = "447700900000",
        ["messageId"] = "0A0000000123ABCD1",
        ["text"] = "Hello world",
        ["type"] = "text",
        ["keyword"] = "Hello",
        ["message-timestamp"] = "2020-01-01T12:00:00.000+00:00",
        ["timestamp"] = "1578787200",
        ["nonce"] = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
        ["concat"] = "true",
        ["concat-ref"] = "1",
        ["concat-total"] = "3",
        ["concat-part"] = "2",
    };

    [Fact]
    public void Documented_example_is_read_with_its_concat_position()
    {
        var result = InboundSmsParser.Parse(Example);

        Assert.True(result.IsValid);
        var sms = result.Value;
        Assert.Equal("447700900001", sms.From);
        Assert.Equal("447700900000", sms.To);
        Assert.Equal("0A0000000123ABCD1", sms.MessageId);
        Assert.Equal("Hello world", sms.Text);
        Assert.Equal("text", sms.Type);
        Assert.Equal("Hello", sms.Keyword);
        Assert.Equal(new InboundSmsConcat("1", 3, 2), sms.Concat);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero), sms.MessageTimestamp);
        Assert.Equal(1578787200, sms.Timestamp);
    }

    [Fact]
    public void Single_part_message_has_no_concat_and_a_documented_timestamp()
    {
        var fields = Example.Where(f => !f.Key.StartsWith("concat")).ToDictionary();
        fields["message-timestamp"] = "2020-01-01 12:00:00";

        var sms = InboundSmsParser.Parse(fields).Value!;

        Assert.Null(sms.Concat);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero), sms.MessageTimestamp);
    }

    [Fact]
    public void Empty_text_is_still_a_message()
    {
        var fields = new Dictionary<string, string>(Example) { ["text"] = "" };

        Assert.Equal("", InboundSmsParser.Parse(fields).Value!.Text);
    }

    [Fact]
    public void Binary_message_needs_no_text()
    {
        var fields = Example.Where(f => f.Key != "text").ToDictionary();
        fields["type"] = "binary";
        fields["data"] = "0102";
        fields["udh"] = "050003CC0201";

        var sms = InboundSmsParser.Parse(fields).Value!;

        Assert.Equal("", sms.Text);
        Assert.Equal("0102", sms.Data);
        Assert.Equal("050003CC0201", sms.Udh);
    }

    [Fact]
    public void Missing_sender_and_text_are_named()
    {
        var fields = Example.Where(f => f.Key is not ("msisdn" or "text")).ToDictionary();

        var result = InboundSmsParser.Parse(fields);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains("'msisdn'"));
        Assert.Contains(result.Errors, e => e.Contains("'text'"));
    }

    [Fact]
    public void Concat_part_without_its_reference_or_with_a_bad_total_is_named()
    {
        var fields = Example.Where(f => f.Key != "concat-ref").ToDictionary();
        fields["concat-total"] = "three";

        var result = InboundSmsParser.Parse(fields);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains("'concat-ref'"));
        Assert.Contains(result.Errors, e => e.Contains("'concat-total'"));
    }
}

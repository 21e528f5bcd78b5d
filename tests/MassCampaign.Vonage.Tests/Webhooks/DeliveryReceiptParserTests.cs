using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Vonage.Tests.Webhooks;

public sealed class DeliveryReceiptParserTests
{
    // The typical receipt of VONAGE.md §2.2.
    private static readonly Dictionary<string, string> Typical = new()
    {
        ["err-code"] = "0",
        ["message-timestamp"] = "2018-10-25 12:10:29",
        ["messageId"] = "0B00000127FDBC63",
        ["msisdn"] = "447547232824",
        ["network-code"] = "23410",
        ["price"] = "0.03330000",
        ["scts"] = "1810251310",
        ["status"] = "delivered",
        ["to"] = "Vonage",
    };

    [Fact]
    public void Typical_receipt_is_read_with_recipient_and_sender_the_right_way_round()
    {
        var result = DeliveryReceiptParser.Parse(Typical);

        Assert.True(result.IsValid);
        var receipt = result.Value;
        Assert.Equal("0B00000127FDBC63", receipt.MessageId);
        Assert.Equal("447547232824", receipt.Recipient);
        Assert.Equal("Vonage", receipt.Sender);
        Assert.Equal(DeliveryReceiptStatus.Delivered, receipt.Status);
        Assert.True(receipt.IsFinal);
        Assert.Equal(0, receipt.ErrorCode);
        Assert.Equal(0.0333m, receipt.Price);
        Assert.Equal("23410", receipt.NetworkCode);
        Assert.Equal("1810251310", receipt.Scts);
        Assert.Equal(new DateTimeOffset(2018, 10, 25, 12, 10, 29, TimeSpan.Zero), receipt.MessageTimestamp);
        Assert.Null(receipt.ClientRef);
        Assert.Null(receipt.Timestamp);
    }

    [Fact]
    public void Iso_message_timestamp_numeric_timestamp_and_client_ref_are_read()
    {
        var fields = new Dictionary<string, string>(Typical)
        {
            ["message-timestamp"] = "2020-01-01T12:00:00.000+00:00",
            ["timestamp"] = "1582650446",
            ["nonce"] = "n-1",
            ["client-ref"] = "r-42-1",
            ["api-key"] = "abcd1234",
        };

        var receipt = DeliveryReceiptParser.Parse(fields).Value!;

        Assert.Equal(new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero), receipt.MessageTimestamp);
        Assert.Equal(1582650446, receipt.Timestamp);
        Assert.Equal("n-1", receipt.Nonce);
        Assert.Equal("r-42-1", receipt.ClientRef);
        Assert.Equal("abcd1234", receipt.ApiKey);
    }

    [Fact]
    public void Failed_receipt_carries_its_error_code()
    {
        var fields = new Dictionary<string, string>(Typical) { ["status"] = "failed", ["err-code"] = "6" };

        var receipt = DeliveryReceiptParser.Parse(fields).Value!;

        Assert.Equal(DeliveryReceiptStatus.Failed, receipt.Status);
        Assert.Equal(6, receipt.ErrorCode);
        Assert.True(receipt.IsFinal);
    }

    [Fact]
    public void Unknown_or_intermediate_status_is_not_final()
    {
        var odd = DeliveryReceiptParser.Parse(new Dictionary<string, string>(Typical) { ["status"] = "teleported" }).Value!;
        var buffered = DeliveryReceiptParser.Parse(new Dictionary<string, string>(Typical) { ["status"] = "buffered" }).Value!;

        Assert.Equal(DeliveryReceiptStatus.Unknown, odd.Status);
        Assert.Equal("teleported", odd.StatusText);
        Assert.False(odd.IsFinal);
        Assert.Equal(DeliveryReceiptStatus.Buffered, buffered.Status);
        Assert.False(buffered.IsFinal);
    }

    [Fact]
    public void Only_the_required_fields_are_needed()
    {
        var result = DeliveryReceiptParser.Parse(new Dictionary<string, string>
        {
            ["messageId"] = "X", ["msisdn"] = "447700900000", ["status"] = "accepted",
        });

        Assert.True(result.IsValid);
        Assert.Null(result.Value.ErrorCode);
        Assert.Null(result.Value.MessageTimestamp);
        Assert.Null(result.Value.Price);
    }

    [Fact]
    public void Missing_required_fields_are_each_named_instead_of_thrown()
    {
        var result = DeliveryReceiptParser.Parse(new Dictionary<string, string> { ["msisdn"] = "447700900000", ["status"] = "" });

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Contains("'messageId'"));
        Assert.Contains(result.Errors, e => e.Contains("'status'"));
    }

    [Fact]
    public void Unreadable_optional_fields_become_null()
    {
        var fields = new Dictionary<string, string>(Typical) { ["message-timestamp"] = "yesterday", ["price"] = "free", ["err-code"] = "x" };

        var receipt = DeliveryReceiptParser.Parse(fields).Value!;

        Assert.Null(receipt.MessageTimestamp);
        Assert.Null(receipt.Price);
        Assert.Null(receipt.ErrorCode);
    }
}

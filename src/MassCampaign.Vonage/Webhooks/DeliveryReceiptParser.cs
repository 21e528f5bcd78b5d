namespace MassCampaign.Vonage.Webhooks;

/// <summary>Reads a delivery receipt from its flattened query, form or JSON fields.</summary>
public static class DeliveryReceiptParser
{
    public static WebhookParseResult<DeliveryReceipt> Parse(IReadOnlyDictionary<string, string> fields)
    {
        var read = new WebhookFields(fields);
        var messageId = read.Required("messageId");
        var recipient = read.Required("msisdn");
        var statusText = read.Required("status");
        if (read.Errors.Count > 0)
        {
            return WebhookParseResult<DeliveryReceipt>.Failure(read.Errors);
        }

        return WebhookParseResult<DeliveryReceipt>.Success(new DeliveryReceipt(
            messageId,
            recipient,
            ParseStatus(statusText),
            statusText,
            read.OptionalInt("err-code"),
            read.Optional("to"),
            read.Optional("client-ref"),
            read.Optional("network-code"),
            read.OptionalDecimal("price"),
            read.Optional("scts"),
            read.Optional("api-key"),
            read.OptionalMessageTimestamp("message-timestamp"),
            read.OptionalUnixSeconds("timestamp"),
            read.Optional("nonce")));
    }

    private static DeliveryReceiptStatus ParseStatus(string text) =>
        Enum.TryParse<DeliveryReceiptStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : DeliveryReceiptStatus.Unknown;
}

namespace MassCampaign.Vonage.Webhooks;

/// <summary>Reads an inbound SMS from its flattened query, form or JSON fields.</summary>
public static class InboundSmsParser
{
    private const string BinaryType = "binary";

    public static WebhookParseResult<InboundSms> Parse(IReadOnlyDictionary<string, string> fields)
    {
        var read = new WebhookFields(fields);
        var messageId = read.Required("messageId");
        var from = read.Required("msisdn");
        var to = read.Required("to");
        var type = read.Optional("type") ?? "text";

        // A binary SMS carries data/udh instead of text; for the others an empty body is still a message.
        var text = fields.TryGetValue("text", out var body) ? body : null;
        if (text is null && type != BinaryType)
        {
            read.Required("text");
        }

        var concat = ReadConcat(read);
        if (read.Errors.Count > 0)
        {
            return WebhookParseResult<InboundSms>.Failure(read.Errors);
        }

        return WebhookParseResult<InboundSms>.Success(new InboundSms(
            messageId,
            from,
            to,
            text ?? "",
            type,
            read.Optional("keyword"),
            concat,
            read.Optional("api-key"),
            read.OptionalMessageTimestamp("message-timestamp"),
            read.OptionalUnixSeconds("timestamp"),
            read.Optional("nonce"),
            read.Optional("data"),
            read.Optional("udh")));
    }

    private static InboundSmsConcat? ReadConcat(WebhookFields read)
    {
        if (!string.Equals(read.Optional("concat"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new InboundSmsConcat(read.Required("concat-ref"), read.RequiredInt("concat-total"), read.RequiredInt("concat-part"));
    }
}

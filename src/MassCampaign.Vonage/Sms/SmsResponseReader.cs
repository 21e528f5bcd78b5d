using System.Globalization;
using System.Text.Json;

namespace MassCampaign.Vonage.Sms;

/// <summary>Turns the SMS API's 200 body into an outcome, reading every part (VONAGE.md §1.4, §1.5).</summary>
internal static class SmsResponseReader
{
    /// <returns>The outcome, or null when the body is not a readable SMS API answer.</returns>
    public static SmsSendResult? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("messages", out var messages)
            || messages.ValueKind != JsonValueKind.Array
            || messages.GetArrayLength() == 0)
        {
            return null;
        }

        var parts = new List<SmsPartResult>(messages.GetArrayLength());
        foreach (var message in messages.EnumerateArray())
        {
            if (ReadPart(message) is not { } part)
            {
                return null;
            }

            parts.Add(part);
        }

        var messageCount = int.TryParse(Text(root, "message-count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : 0;
        return Classify(parts) with { MessageCount = messageCount };
    }

    private static SmsSendResult Classify(List<SmsPartResult> parts)
    {
        var refused = parts.FirstOrDefault(p => !p.IsAccepted);
        if (refused is null)
        {
            return new SmsSendResult(SmsSendOutcome.Accepted, parts, SmsStatusCodes.Success, null, null);
        }

        var outcome = OutcomeOfRefusal(parts);
        var throttledPart = parts.FirstOrDefault(p => p.Status == SmsStatusCodes.Throttled);
        var retryAfter = outcome == SmsSendOutcome.Throttled ? ThrottleHint.FromErrorText(throttledPart?.ErrorText) : null;
        return new SmsSendResult(outcome, parts, refused.Status, null, refused.ErrorText, retryAfter);
    }

    private static SmsSendOutcome OutcomeOfRefusal(List<SmsPartResult> parts)
    {
        if (parts.Any(p => p.IsAccepted))
        {
            return SmsSendOutcome.PartiallyAccepted;
        }

        if (!parts.All(p => SmsStatusCodes.IsRetryable(p.Status)))
        {
            return SmsSendOutcome.Permanent;
        }

        return parts.Any(p => p.Status == SmsStatusCodes.Throttled) ? SmsSendOutcome.Throttled : SmsSendOutcome.Transient;
    }

    private static SmsPartResult? ReadPart(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object
            || !int.TryParse(Text(message, "status"), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return null;
        }

        return new SmsPartResult(
            status,
            Text(message, "message-id"),
            Text(message, "to"),
            Decimal(message, "message-price"),
            Decimal(message, "remaining-balance"),
            Text(message, "network"),
            Text(message, "client-ref"),
            Text(message, "error-text"));
    }

    // The spec types numbers as strings, some fixtures send JSON numbers: accept both.
    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static decimal? Decimal(JsonElement element, string name) =>
        decimal.TryParse(Text(element, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}

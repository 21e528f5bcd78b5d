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
        var outcome = OutcomeOf(parts);
        if (outcome == SmsSendOutcome.Accepted)
        {
            return new SmsSendResult(SmsSendOutcome.Accepted, parts, SmsStatusCodes.Success, null, null);
        }

        var decisive = parts.FirstOrDefault(p => SmsStatusClassification.OutcomeOf(p.Status) == outcome) ?? parts.First(p => !p.IsAccepted);
        var retryAfter = outcome == SmsSendOutcome.Throttled ? ThrottleHint.FromErrorText(decisive.ErrorText) : null;
        var accountPart = parts.FirstOrDefault(p => SmsStatusClassification.OutcomeOf(p.Status) == SmsSendOutcome.AccountRefused);
        return new SmsSendResult(outcome, parts, decisive.Status, null, decisive.ErrorText, retryAfter)
        {
            AccountRefusalReason = accountPart is null
                ? null
                : SmsSendResult.AccountRefusal(SmsStatusClassification.Describe(accountPart.Status), accountPart.ErrorText),
        };
    }

    // A long SMS has one status per part: any accepted part means it is on its way and must never be resent; otherwise
    // the part that says most about the next try decides (an account refusal, then a permanent one, then throttling).
    private static SmsSendOutcome OutcomeOf(List<SmsPartResult> parts)
    {
        if (parts.All(p => p.IsAccepted))
        {
            return SmsSendOutcome.Accepted;
        }

        if (parts.Any(p => p.IsAccepted))
        {
            return SmsSendOutcome.PartiallyAccepted;
        }

        var outcomes = parts.Select(p => SmsStatusClassification.OutcomeOf(p.Status)).ToHashSet();
        SmsSendOutcome[] precedence = [SmsSendOutcome.AccountRefused, SmsSendOutcome.Permanent, SmsSendOutcome.Throttled];
        return precedence.FirstOrDefault(outcomes.Contains, SmsSendOutcome.Transient);
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

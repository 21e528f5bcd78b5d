using System.Globalization;
using MassCampaign.Simulator.Sms;

namespace MassCampaign.Simulator.Webhooks;

/// <summary>The fields of one part's delivery receipt, as Vonage's POST-JSON format carries them (VONAGE.md §2.2).</summary>
internal static class DeliveryReceiptFields
{
    // Final failures with the err-code Vonage would give: anti-spam rejection, and an expiry of unknown cause.
    private static readonly (string Status, string ErrorCode)[] Failures = [("failed", "6"), ("expired", "1")];

    public static Dictionary<string, string> Build(
        SmsSubmission sms, string messageId, string price, string apiKey, SimulatorSettings settings, DateTimeOffset now)
    {
        var (status, errorCode) = Chance.Hit(settings.DlrFailureRate)
            ? Failures[Random.Shared.Next(Failures.Length)]
            : ("delivered", "0");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["msisdn"] = sms.To!,
            ["to"] = sms.From!,
            ["network-code"] = SmsApi.Network,
            ["messageId"] = messageId,
            ["price"] = price,
            ["status"] = status,
            ["scts"] = now.ToString("yyMMddHHmm", CultureInfo.InvariantCulture),
            ["err-code"] = errorCode,
            ["api-key"] = apiKey,
            ["message-timestamp"] = now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        };
        if (sms.ClientRef is { Length: > 0 } clientRef)
        {
            fields["client-ref"] = clientRef;
        }

        return fields;
    }
}

using System.Globalization;
using System.Text.Json.Serialization;

namespace MassCampaign.Simulator.Sms;

/// <summary>The SMS API answer as Vonage writes it: numbers as strings, one entry per part (VONAGE.md §1.4).</summary>
internal sealed record SmsApiResponse(
    [property: JsonPropertyName("message-count")] string MessageCount,
    [property: JsonPropertyName("messages")] IReadOnlyList<SmsApiMessage> Messages)
{
    public static SmsApiResponse Error(int status, string errorText) =>
        new("1", [new SmsApiMessage { Status = status.ToString(CultureInfo.InvariantCulture), ErrorText = errorText }]);
}

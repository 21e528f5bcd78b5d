using System.Globalization;
using System.Text.Json;

namespace MassCampaign.Vonage.Voice;

/// <summary>Reads a <c>GET /v1/calls/{uuid}</c> answer; Vonage writes duration and price as strings.</summary>
internal static class VoiceCallReader
{
    public static VoiceCallInfo Read(JsonElement root, string callUuid) =>
        new(
            Text(root, "uuid") ?? callUuid,
            Text(root, "status") ?? "unknown",
            Text(root, "conversation_uuid"),
            int.TryParse(Text(root, "duration"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var duration) ? duration : null,
            decimal.TryParse(Text(root, "price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null,
            Text(root, "detail"));

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}

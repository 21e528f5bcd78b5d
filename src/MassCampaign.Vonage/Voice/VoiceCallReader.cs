using System.Globalization;
using System.Text.Json;

namespace MassCampaign.Vonage.Voice;

/// <summary>
/// Reads a <c>GET /v1/calls/{uuid}</c> answer, and the pages of <c>GET /v1/calls</c> (the same records under
/// <c>_embedded.calls</c>, with <c>count</c> of all that match); Vonage writes duration and price as strings.
/// </summary>
internal static class VoiceCallReader
{
    /// <returns>The page's calls that carry a uuid, how many records the page held, and how many match in all.</returns>
    public static (IReadOnlyList<VoiceCallInfo> Calls, int Records, long Count) ReadPage(JsonElement root)
    {
        var records = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("_embedded", out var embedded)
                      && embedded.ValueKind == JsonValueKind.Object && embedded.TryGetProperty("calls", out var list)
                      && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [];
        var calls = records.Where(c => Text(c, "uuid") is not null).Select(c => Read(c, Text(c, "uuid")!)).ToList();
        var count = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("count", out var total) && total.TryGetInt64(out var n) ? n : records.Count;
        return (calls, records.Count, count);
    }

    public static VoiceCallInfo Read(JsonElement root, string callUuid) =>
        new(
            Text(root, "uuid") ?? callUuid,
            Text(root, "status") ?? "unknown",
            Text(root, "conversation_uuid"),
            int.TryParse(Text(root, "duration"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var duration) ? duration : null,
            decimal.TryParse(Text(root, "price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null,
            Text(root, "detail"))
        {
            To = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("to", out var to) ? Text(to, "number") : null,
        };

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

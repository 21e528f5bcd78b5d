using System.Text.Json;
using MassCampaign.Data.Voice;

namespace MassCampaign.Host.Voice;

/// <summary>
/// Reads a Vonage voice event (VONAGE.md §6.5) or DTMF input result into what is stored. Machine-detection events
/// name the call in call_uuid, the others in uuid; an input result has no status of its own and is stored as 'input'.
/// </summary>
public static class CallEventReader
{
    public const string InputStatus = "input";

    /// <returns>The event, or null with <paramref name="error"/> saying what is missing.</returns>
    public static CallEventRecord? Read(string clientRef, JsonElement body, bool isInput, out string? error)
    {
        error = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = "The body must be a JSON object, as Vonage posts it.";
            return null;
        }

        var callUuid = Text(body, "uuid") ?? Text(body, "call_uuid");
        if (string.IsNullOrWhiteSpace(callUuid))
        {
            error = "The event names no call: neither 'uuid' nor 'call_uuid' is given.";
            return null;
        }

        var status = isInput ? InputStatus : Text(body, "status");
        if (string.IsNullOrWhiteSpace(status))
        {
            error = "The event has no 'status'.";
            return null;
        }

        var digits = isInput && body.TryGetProperty("dtmf", out var dtmf) && dtmf.ValueKind == JsonValueKind.Object ? Text(dtmf, "digits") : null;
        return new CallEventRecord(clientRef, callUuid, status, Text(body, "detail"), string.IsNullOrEmpty(digits) ? null : digits,
            StorableJson(body.GetRawText()));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    // PostgreSQL's jsonb cannot hold the NUL character, escaped or not.
    private static string StorableJson(string json) => json.Replace("\\u0000", "", StringComparison.Ordinal);
}

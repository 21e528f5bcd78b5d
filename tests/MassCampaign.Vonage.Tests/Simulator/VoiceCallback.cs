using System.Text.Json;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>One request the Simulator made to the <see cref="VoiceWebhookReceiver"/>, as it came: query in order, raw body.</summary>
internal sealed record VoiceCallback(
    string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, byte[] Body, string Authorization)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>A top-level field of the JSON body or, for a GET, of the query; JSON values other than strings as raw text.</summary>
    public string? Field(string name)
    {
        if (Body.Length == 0)
        {
            return Query.LastOrDefault(q => q.Key == name).Value;
        }

        return Json.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
    }
}

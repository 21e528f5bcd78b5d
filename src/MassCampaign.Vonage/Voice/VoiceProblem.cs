using System.Text.Json;

namespace MassCampaign.Vonage.Voice;

/// <summary>
/// Reads a Voice API error answer (VONAGE.md §7: RFC 7807 with <c>type</c>, <c>title</c>, <c>detail</c>) into a short
/// code and a text; a body that is not problem JSON still gives the HTTP status.
/// </summary>
internal static class VoiceProblem
{
    public static (string Code, string Text) Read(int status, string? reason, string body)
    {
        var fallback = ($"http-{status}", $"HTTP {status} {reason}.");
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return fallback;
            }

            var type = Text(root, "type");
            var code = type is null ? fallback.Item1 : CodeOf(type);
            var words = string.Join(": ", new[] { Text(root, "title"), Text(root, "detail") }.Where(t => !string.IsNullOrWhiteSpace(t)));
            return (code, words.Length == 0 ? fallback.Item2 : $"HTTP {status}: {words}");
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    /// <summary>Whether the problem concerns the account rather than this call (e.g. low-balance).</summary>
    public static bool IsAccountProblem(string code) =>
        code is "low-balance" or "unauthorized" or "forbidden" or "account-suspended";

    // "https://developer.nexmo.com/api-errors#low-balance" → "low-balance"; ".../errors/voice#validation" → "validation".
    private static string CodeOf(string type)
    {
        var cut = type.LastIndexOfAny(['#', '/']);
        return cut >= 0 && cut < type.Length - 1 ? type[(cut + 1)..] : type;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

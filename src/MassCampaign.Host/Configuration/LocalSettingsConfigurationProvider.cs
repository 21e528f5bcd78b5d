using System.Text.Json;

namespace MassCampaign.Host.Configuration;

public sealed class LocalSettingsConfigurationProvider(string path) : ConfigurationProvider
{
    public override void Load()
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        if (document.RootElement.TryGetProperty("Values", out var values))
        {
            foreach (var value in values.EnumerateObject())
            {
                data[value.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = AsString(value.Value);
            }
        }

        if (document.RootElement.TryGetProperty("ConnectionStrings", out var connectionStrings))
        {
            foreach (var value in connectionStrings.EnumerateObject())
            {
                data["ConnectionStrings:" + value.Name] = AsString(value.Value);
            }
        }

        Data = data;
    }

    private static string? AsString(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
}

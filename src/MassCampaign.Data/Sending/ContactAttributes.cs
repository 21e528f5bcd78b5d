using System.Text.Json;

namespace MassCampaign.Data.Sending;

/// <summary>Reads contacts.attributes (a jsonb object) as the string map templates render from.</summary>
internal static class ContactAttributes
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Strings are taken as they are, other values as their JSON text; nulls are left out.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    attributes[property.Name] = property.Value.GetString()!;
                    break;
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    break;
                default:
                    attributes[property.Name] = property.Value.GetRawText();
                    break;
            }
        }

        return attributes;
    }
}

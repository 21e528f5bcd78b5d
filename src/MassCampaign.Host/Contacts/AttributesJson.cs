using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MassCampaign.Host.Contacts;

/// <summary>Merges the attribute objects of two rows for the same number, the later row's keys winning.</summary>
internal static class AttributesJson
{
    public static string? Merge(string? earlier, string? later)
    {
        if (earlier is null || later is null)
        {
            return later ?? earlier;
        }

        using var first = JsonDocument.Parse(earlier);
        using var second = JsonDocument.Parse(later);
        var buffer = new ArrayBufferWriter<byte>(earlier.Length + later.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in first.RootElement.EnumerateObject())
            {
                if (!second.RootElement.TryGetProperty(property.Name, out _))
                {
                    property.WriteTo(json);
                }
            }

            foreach (var property in second.RootElement.EnumerateObject())
            {
                property.WriteTo(json);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

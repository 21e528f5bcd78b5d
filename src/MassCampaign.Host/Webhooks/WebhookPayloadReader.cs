using System.Text;
using System.Text.Json;
using MassCampaign.Host.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// Reads the query string, then a form or JSON body over it, into one ordinal dictionary (VONAGE.md §2.1).
/// JSON numbers and booleans become their text. The function key (<c>code</c>) is ours, not Vonage's: it is left
/// out, so it is neither signed over nor stored. Bodies are capped, a webhook is a few hundred bytes.
/// </summary>
public static class WebhookPayloadReader
{
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<WebhookPayload> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            if (key != ApiKeyValidator.QueryName)
            {
                fields[key] = value.ToString();
            }
        }

        if (HttpMethods.IsGet(request.Method) || request.ContentLength == 0)
        {
            return WebhookPayload.Read(fields);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadBodyAsync(request.Body, ct);
        if (body is null)
        {
            return TooLarge();
        }

        if (body.Length == 0)
        {
            return WebhookPayload.Read(fields);
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.Value : null;

        if (string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                fields[key] = value.ToString();
            }

            return WebhookPayload.Read(fields);
        }

        if (mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                                      || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return ReadJson(body, fields);
        }

        return WebhookPayload.Unreadable(StatusCodes.Status415UnsupportedMediaType, "Unsupported webhook body",
            $"Send the webhook as a query string, application/x-www-form-urlencoded or application/json, not '{request.ContentType}'.");
    }

    private static WebhookPayload ReadJson(byte[] body, Dictionary<string, string> fields)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return WebhookPayload.Unreadable(StatusCodes.Status400BadRequest, "The webhook body is not a JSON object",
                    $"Expected an object of webhook fields, got a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        fields[property.Name] = value.GetString()!;
                        break;
                    case JsonValueKind.Null or JsonValueKind.Undefined:
                        fields.Remove(property.Name);
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        fields[property.Name] = value.ValueKind == JsonValueKind.True ? "true" : "false";
                        break;
                    default:
                        // Numbers keep their exact text ("0.03330000", 1582650446); nested values, unknown to the SMS API, stay JSON.
                        fields[property.Name] = value.GetRawText();
                        break;
                }
            }

            return WebhookPayload.Read(fields);
        }
        catch (JsonException e)
        {
            return WebhookPayload.Unreadable(StatusCodes.Status400BadRequest, "The webhook body is not valid JSON",
                $"The body is not valid JSON: {e.Message}");
        }
    }

    /// <returns>The body, or null when it is longer than <see cref="MaxBodyBytes"/>.</returns>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static WebhookPayload TooLarge() =>
        WebhookPayload.Unreadable(StatusCodes.Status413PayloadTooLarge, "The webhook body is too large",
            $"A webhook body may be at most {MaxBodyBytes / 1024} KB.");
}

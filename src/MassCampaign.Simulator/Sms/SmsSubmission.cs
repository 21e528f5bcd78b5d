using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MassCampaign.Simulator.Sms;

/// <summary>The fields of one <c>POST /sms/json</c>, read from a form or a JSON body, with the credentials it carried.</summary>
internal sealed record SmsSubmission(
    string? ApiKey,
    string? ApiSecret,
    string? From,
    string? To,
    string? Text,
    string? Type,
    string? ClientRef,
    string? Callback)
{
    public bool IsUnicode => string.Equals(Type, "unicode", StringComparison.OrdinalIgnoreCase);

    public static async Task<SmsSubmission> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fields = await ReadFieldsAsync(request, cancellationToken);
        var (basicKey, basicSecret) = BasicCredentials(request);
        return new SmsSubmission(
            basicKey ?? fields.GetValueOrDefault("api_key"),
            basicSecret ?? fields.GetValueOrDefault("api_secret"),
            fields.GetValueOrDefault("from"),
            fields.GetValueOrDefault("to"),
            fields.GetValueOrDefault("text"),
            fields.GetValueOrDefault("type"),
            fields.GetValueOrDefault("client-ref"),
            fields.GetValueOrDefault("callback"));
    }

    private static async Task<Dictionary<string, string>> ReadFieldsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }
        }
        else if (request.HasJsonContentType())
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    fields[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString() ?? ""
                        : property.Value.GetRawText();
                }
            }
        }

        foreach (var (key, value) in request.Query)
        {
            fields.TryAdd(key, value.ToString());
        }

        return fields;
    }

    private static (string? Key, string? Secret) BasicCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return (null, null);
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':');
            return colon < 0 ? (null, null) : (pair[..colon], pair[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}

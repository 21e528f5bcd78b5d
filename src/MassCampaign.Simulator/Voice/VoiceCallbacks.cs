using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// The requests a call makes to the host: events to <c>event_url</c>, the NCCO fetch from <c>answer_url</c> and input
/// results to an input's <c>eventUrl</c> (VONAGE.md §6.4, §6.5). A POST carries the fields as JSON, a GET as query
/// parameters; with a signature secret each carries a <see cref="CallbackJwt"/> whose <c>payload_hash</c> is of the raw
/// body, or for a GET of the query parameters as a JSON object in their order with no whitespace.
/// </summary>
internal sealed class VoiceCallbacks : IDisposable
{
    // Vonage documents no retry for status events; the Simulator posts one up to four times, 100, 200 and 400 ms apart,
    // when the host answers 429 or 5xx or not at all, so a host restarting for a moment loses no event.
    private static readonly TimeSpan[] EventRetryWaits = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)];

    // Vonage's longest socket timeouts (VONAGE.md §6.4): 10 s for events, 5 s for a request that must answer an NCCO.
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan NccoTimeout = TimeSpan.FromSeconds(5);

    // An NCCO request is tried twice, and again only after a timeout, no connection, 429, 503 or 504 (VONAGE.md §6.4).
    private const int NccoAttempts = 2;

    private static readonly JsonWriterOptions QueryHashJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http;
    private readonly Func<SimulatorSettings> _settings;
    private readonly string _apiKey;
    private readonly string? _applicationId;
    private readonly TimeProvider _time;

    public VoiceCallbacks(Func<SimulatorSettings> settings, string apiKey, string? applicationId, TimeProvider time, int maxConnections)
    {
        _settings = settings;
        _apiKey = apiKey;
        _applicationId = string.IsNullOrEmpty(applicationId) ? null : applicationId;
        _time = time;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, maxConnections),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <returns>Whether the host took the event (answered 2xx).</returns>
    public async Task<bool> PostEventAsync(CallRequest call, JsonObject fields, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, _) = await SendOnceAsync(call.EventMethod, call.EventUrl, fields, EventTimeout, cancellationToken);
            if (status is >= 200 and < 300)
            {
                return true;
            }

            if (attempt == EventRetryWaits.Length || status is not (null or 429 or >= 500))
            {
                return false;
            }

            await Task.Delay(EventRetryWaits[attempt], _time, cancellationToken);
        }
    }

    /// <returns>The NCCO the host answered, or null when it answered none (an error, no answer, or not an NCCO array).</returns>
    public async Task<JsonElement?> FetchNccoAsync(HttpMethod method, Uri url, JsonObject fields, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (status, body) = await SendOnceAsync(method, url, fields, NccoTimeout, cancellationToken);
            if (status is >= 200 and < 300)
            {
                return NccoOf(body);
            }

            if (attempt == NccoAttempts || status is not (null or 429 or 503 or 504))
            {
                return null;
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static JsonElement? NccoOf(string? body)
    {
        try
        {
            using var json = JsonDocument.Parse(body ?? "");
            return json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <returns>The HTTP status and body, or nulls when no answer came in time.</returns>
    private async Task<(int? Status, string? Body)> SendOnceAsync(
        HttpMethod method, Uri url, JsonObject fields, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var message = method == HttpMethod.Get ? QueryRequest(url, fields, out var payload) : JsonRequest(url, fields, out payload);
        if (_settings().SignatureSecret is { Length: > 0 } secret)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue(
                "Bearer", CallbackJwt.Create(secret, payload, _apiKey, _applicationId, _time.GetUtcNow()));
        }

        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await _http.SendAsync(message, linked.Token);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(linked.Token));
        }
        catch (HttpRequestException)
        {
            return (null, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null);
        }
    }

    private static HttpRequestMessage JsonRequest(Uri url, JsonObject fields, out byte[] payload)
    {
        payload = Encoding.UTF8.GetBytes(fields.ToJsonString());
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    // The URL's own query (e.g. ?code=KEY) comes first, then the fields, and the hash covers them all in that order.
    private static HttpRequestMessage QueryRequest(Uri url, JsonObject fields, out byte[] payload)
    {
        var parameters = QueryOf(url)
            .Concat(fields.Where(f => f.Value is not null).Select(f => (f.Key, Text(f.Value!))))
            .ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, QueryHashJson))
        {
            json.WriteStartObject();
            foreach (var (name, value) in parameters)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        payload = buffer.ToArray();
        var query = string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
        return new HttpRequestMessage(HttpMethod.Get, new UriBuilder(url) { Query = query }.Uri);
    }

    private static IEnumerable<(string, string)> QueryOf(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var cut = pair.IndexOf('=');
            var name = cut < 0 ? pair : pair[..cut];
            var value = cut < 0 ? "" : pair[(cut + 1)..];
            return (Unescape(name), Unescape(value));
        });

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string Text(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
}

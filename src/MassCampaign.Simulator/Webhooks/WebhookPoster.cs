using System.Net;
using System.Net.Http.Json;

namespace MassCampaign.Simulator.Webhooks;

/// <summary>Posts webhooks as JSON (Vonage's POST-JSON format) over a pooled connection set.</summary>
internal sealed class WebhookPoster : IDisposable
{
    private readonly HttpClient _http;

    public WebhookPoster(int maxConnections)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        {
            // Vonage gives a webhook 15 s to answer (VONAGE.md §2.5).
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    /// <returns>The HTTP status, or null when no answer came.</returns>
    public async Task<int?> PostOnceAsync(Uri url, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.PostAsJsonAsync(url, fields, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Vonage posts a webhook again when it was answered 429 or 5xx, or not answered at all.</summary>
    public static bool IsRetryable(int? status) => status is null or (int)HttpStatusCode.TooManyRequests or >= 500;

    public void Dispose() => _http.Dispose();
}

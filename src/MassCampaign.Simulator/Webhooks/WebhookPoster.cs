using System.Net;
using System.Net.Http.Json;

namespace MassCampaign.Simulator.Webhooks;

/// <summary>Posts webhooks as JSON (Vonage's POST-JSON format) over a pooled connection set.</summary>
internal sealed class WebhookPoster : IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public WebhookPoster(int maxConnections, TimeProvider time)
    {
        _time = time;
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

    /// <summary>Retries 429, 5xx and no answer with doubling waits, as Vonage does (faster, for tests).</summary>
    public async Task<bool> PostAsync(Uri url, IReadOnlyDictionary<string, string> fields, int maxAttempts, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var status = await PostOnceAsync(url, fields, cancellationToken);
            if (status is >= 200 and < 300)
            {
                return true;
            }

            if (!IsRetryable(status) || attempt >= maxAttempts)
            {
                return false;
            }

            await Task.Delay(delay, _time, cancellationToken);
            delay *= 2;
        }
    }

    /// <summary>Vonage posts a webhook again when it was answered 429 or 5xx, or not answered at all.</summary>
    public static bool IsRetryable(int? status) => status is null or (int)HttpStatusCode.TooManyRequests or >= 500;

    public void Dispose() => _http.Dispose();
}

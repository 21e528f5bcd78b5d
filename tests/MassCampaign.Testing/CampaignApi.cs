using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MassCampaign.Testing;

/// <summary>
/// The operator's side of a campaign over HTTP: create, import, start, stop and read status, against any host
/// whose client carries the API key. Failures throw with the host's answer, so tests and benchmarks share it.
/// </summary>
public sealed class CampaignApi(HttpClient client)
{
    private static readonly TimeSpan RetryAfterError = TimeSpan.FromMilliseconds(500);

    /// <summary>An SMS campaign whose calling window is open all day, every day, in <paramref name="timeZone"/>.</summary>
    /// <param name="settings">The campaign's <c>settings</c> object, e.g. <c>unknownPolicy</c>; null for every default.</param>
    public async Task<Guid> CreateSmsCampaignAsync(
        string name, string timeZone, IReadOnlyDictionary<string, object?>? settings = null, CancellationToken cancellationToken = default)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["type"] = "sms",
            ["smsTemplate"] = "Hi {{first_name|there}}, our spring sale starts today. Reply STOP to opt out.",
            ["from"] = "Acme",
            ["callingWindow"] = new Dictionary<string, object?> { ["start"] = "00:00", ["end"] = "23:59", ["timeZone"] = timeZone },
        };
        if (settings is not null)
        {
            body["settings"] = settings;
        }

        using var response = await client.PostAsJsonAsync("api/campaigns", body, cancellationToken);
        var created = await ReadAsync(response, HttpStatusCode.Created, "create the campaign", cancellationToken);
        return created.GetProperty("id").GetGuid();
    }

    /// <returns>How many rows became recipients.</returns>
    public async Task<long> ImportAsync(Guid campaign, HttpContent contacts, CancellationToken cancellationToken = default)
    {
        using var response = await client.PostAsync($"api/campaigns/{campaign}/contacts", contacts, cancellationToken);
        var result = await ReadAsync(response, HttpStatusCode.OK, "import contacts", cancellationToken);
        return result.GetProperty("imported").GetInt64();
    }

    public async Task StartAsync(Guid campaign, CancellationToken cancellationToken = default)
    {
        using var response = await client.PostAsync($"api/campaigns/{campaign}/start", null, cancellationToken);
        await ReadAsync(response, HttpStatusCode.Accepted, "start the campaign", cancellationToken);
    }

    public async Task StopAsync(Guid campaign, CancellationToken cancellationToken = default)
    {
        using var response = await client.PostAsync($"api/campaigns/{campaign}/stop", null, cancellationToken);
        await ReadAsync(response, HttpStatusCode.Accepted, "stop the campaign", cancellationToken);
    }

    public async Task<CampaignStatusReading> StatusAsync(Guid campaign, CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync($"api/campaigns/{campaign}/status", cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
        {
            throw new HttpRequestException($"Reading the status answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        return new CampaignStatusReading(response.StatusCode, JsonSerializer.Deserialize<JsonElement>(text));
    }

    /// <summary>
    /// Polls until the status answers 200 (the campaign ended, however it ended). Errors while a silo is lost or a host
    /// restarts are expected and polled through; the last one is reported if time runs out, and the HTTP status of
    /// each error answer goes to <paramref name="errorAnswers"/> when given.
    /// </summary>
    public async Task<CampaignStatusReading> WaitUntilFinishedAsync(
        Guid campaign, TimeSpan timeout, TimeSpan poll, ICollection<HttpStatusCode>? errorAnswers = null, CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        string last = "no answer yet";
        while (TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            var wait = poll;
            try
            {
                var reading = await StatusAsync(campaign, cancellationToken);
                if (reading.IsFinished)
                {
                    return reading;
                }

                last = reading.Body.ToString();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
                wait = RetryAfterError;
                if (e is HttpRequestException { StatusCode: { } status })
                {
                    errorAnswers?.Add(status);
                }
            }

            await Task.Delay(wait, cancellationToken);
        }

        throw new TimeoutException($"Campaign {campaign} did not finish within {timeout.TotalSeconds:F0} s. Last status: {last}");
    }

    private static async Task<JsonElement> ReadAsync(
        HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"Could not {what}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }

        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }
}

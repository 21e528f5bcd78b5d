using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MassCampaign.Simulator;
using MassCampaign.Simulator.Control;
using MassCampaign.Testing;

namespace SendBenchmark;

/// <summary>
/// The ceiling: a plain HttpClient loop posting the same SMS requests to the same Simulator at the same concurrency
/// as the engine, with no database, no grains and no bookkeeping.
/// </summary>
public sealed class BareSender(VonageSimulator simulator, BenchmarkArguments arguments)
{
    public async Task<double> MessagesPerSecondAsync(int messages, int concurrency)
    {
        simulator.Reset();
        simulator.Configure(new SimulatorSettingsUpdate { LatencyMs = arguments.LatencyMs, ThrottlePerSecond = 0, DlrUrl = "" });
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        var endpoint = new Uri(simulator.BaseAddress, "sms/json");
        var credentials = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{simulator.ApiKey}:{simulator.ApiSecret}")));

        var next = -1;
        var started = TimeProvider.System.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                await SendAsync(http, endpoint, credentials, i);
            }
        })));
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        var accepted = simulator.GetStats().TotalSms;
        return accepted == messages
            ? messages / elapsed.TotalSeconds
            : throw new InvalidOperationException($"The bare sender sent {messages} SMS but the Simulator accepted {accepted}.");
    }

    private static async Task SendAsync(HttpClient http, Uri endpoint, AuthenticationHeaderValue credentials, int index)
    {
        var name = index.ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("from", "Acme"),
                new("to", TestPhoneNumbers.Us(index)[1..]),
                new("text", $"Hi Guest{name}, our spring sale starts today. Reply STOP to opt out."),
                new("client-ref", $"{name}-1"),
            ]),
        };
        request.Headers.Authorization = credentials;
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        // Read the answer as the real client does, so both sides pay for it.
        await using var body = await response.Content.ReadAsStreamAsync();
        using var json = await JsonDocument.ParseAsync(body);
        if (json.RootElement.GetProperty("messages")[0].GetProperty("status").GetString() != "0")
        {
            throw new InvalidOperationException($"The Simulator refused SMS {index}: {json.RootElement}");
        }
    }
}

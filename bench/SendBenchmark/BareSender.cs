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
    // Long enough for the JIT's second tier: a few thousand requests take a tenth of a second, before the runtime has
    // recompiled the hot methods, and a run measured on that code read half the warm rate.
    private const int WarmUpMessages = 60_000;

    /// <returns>SMS per second, and the CPU seconds this process (client and Simulator) spent on them.</returns>
    public async Task<(double MessagesPerSecond, double CpuSeconds)> RunAsync(int messages, int concurrency)
    {
        simulator.Configure(new SimulatorSettingsUpdate { LatencyMs = arguments.LatencyMs, ThrottlePerSecond = 0, DlrUrl = "" });
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        var endpoint = new Uri(simulator.BaseAddress, "sms/json");
        var credentials = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{simulator.ApiKey}:{simulator.ApiSecret}")));

        // Connections, JIT and pools warm up first, as the host's do in the first seconds of a 1M campaign.
        await SendAllAsync(http, endpoint, credentials, messages, WarmUpMessages, concurrency);
        simulator.Reset();
        var cpuBefore = ProcessCpuTime.Of(Environment.ProcessId) ?? TimeSpan.Zero;
        var started = TimeProvider.System.GetTimestamp();
        await SendAllAsync(http, endpoint, credentials, 0, messages, concurrency);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var cpu = (ProcessCpuTime.Of(Environment.ProcessId) ?? TimeSpan.Zero) - cpuBefore;

        var accepted = simulator.GetStats().TotalSms;
        return accepted == messages
            ? (messages / elapsed.TotalSeconds, cpu.TotalSeconds)
            : throw new InvalidOperationException($"The bare sender sent {messages} SMS but the Simulator accepted {accepted}.");
    }

    private static Task SendAllAsync(HttpClient http, Uri endpoint, AuthenticationHeaderValue credentials, int first, int count, int concurrency)
    {
        var next = first - 1;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < first + count)
            {
                await SendAsync(http, endpoint, credentials, i);
            }
        })));
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

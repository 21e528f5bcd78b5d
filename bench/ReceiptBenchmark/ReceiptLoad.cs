using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace ReceiptBenchmark;

/// <summary>
/// Posts one delivery receipt per seeded SMS to /api/sms/status, as Vonage's POST-JSON format, from a fixed number
/// of concurrent senders; optionally paced to a steady rate. Every answer must be 200.
/// </summary>
/// <param name="receiptUrl">The host's receipt webhook with its key, <c>HostProcess.DeliveryReceiptUrl</c>.</param>
public sealed class ReceiptLoad(Uri receiptUrl, int concurrency, int rate) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<LatencySummary> RunAsync(IReadOnlyList<SentSms> sent)
    {
        var latencies = new double[sent.Count];
        var next = -1;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();

        async Task SendAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < sent.Count)
            {
                if (rate > 0)
                {
                    var due = TimeSpan.FromSeconds(i / (double)rate) - Stopwatch.GetElapsedTime(started);
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due);
                    }
                }

                var begin = Stopwatch.GetTimestamp();
                using var response = await _http.PostAsJsonAsync(receiptUrl, Receipt(sent[i]));
                latencies[i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(SendAsync)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} receipts were not answered 200.");
        }

        return LatencySummary.From(latencies, seconds);
    }

    private static Dictionary<string, string> Receipt(SentSms sms) => new()
    {
        ["msisdn"] = sms.Msisdn,
        ["to"] = "Bench",
        ["network-code"] = "23410",
        ["messageId"] = sms.MessageId,
        ["price"] = "0.03330000",
        ["status"] = "delivered",
        ["scts"] = "2506021500",
        ["err-code"] = "0",
        ["api-key"] = "bench",
        ["client-ref"] = sms.ClientRef,
        ["message-timestamp"] = "2025-06-02 15:00:00",
    };

    public void Dispose() => _http.Dispose();
}

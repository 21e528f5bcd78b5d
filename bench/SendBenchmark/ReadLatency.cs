using System.Diagnostics;

namespace SendBenchmark;

/// <summary>
/// What an operator's reads cost once the campaign is large: GET status of the campaign and GET /api/campaigns with
/// 50 to a page, each timed over many sequential requests on a warm connection (nearest-rank percentiles).
/// </summary>
public sealed record ReadLatency(double StatusP50Ms, double StatusP99Ms, double ListP50Ms, double ListP99Ms)
{
    private const int Requests = 300;

    public static async Task<ReadLatency> MeasureAsync(HttpClient client, Guid campaign)
    {
        var status = await TimeAsync(client, $"api/campaigns/{campaign}/status");
        var list = await TimeAsync(client, "api/campaigns?pageSize=50");
        return new ReadLatency(At(status, 0.50), At(status, 0.99), At(list, 0.50), At(list, 0.99));
    }

    private static async Task<double[]> TimeAsync(HttpClient client, string path)
    {
        for (var i = 0; i < 20; i++)
        {
            using var warm = await client.GetAsync(path);
            warm.EnsureSuccessStatusCode();
        }

        var times = new double[Requests];
        for (var i = 0; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
        }

        Array.Sort(times);
        return times;
    }

    private static double At(double[] sorted, double share) => sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}

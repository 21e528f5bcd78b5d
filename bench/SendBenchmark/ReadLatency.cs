using System.Diagnostics;
using MassCampaign.Testing;

namespace SendBenchmark;

/// <summary>
/// What an operator's reads cost once the campaign is large: GET status of the campaign and a full page of 50 from
/// GET /api/campaigns (the large campaign and 49 others of <see cref="OtherCampaignSize"/> recipients each), each
/// timed over many sequential requests on a warm connection (nearest-rank percentiles).
/// </summary>
public sealed record ReadLatency(double StatusP50Ms, double StatusP99Ms, double ListP50Ms, double ListP99Ms)
{
    private const int Requests = 300;
    private const int PageSize = 50;
    private const int OtherCampaignSize = 1_000;

    public static async Task<ReadLatency> MeasureAsync(HttpClient client, Guid campaign, string timeZone)
    {
        await FillPageAsync(new CampaignApi(client), timeZone);
        var status = await TimeAsync(client, $"api/campaigns/{campaign}/status");
        var list = await TimeAsync(client, $"api/campaigns?pageSize={PageSize}");
        return new ReadLatency(At(status, 0.50), At(status, 0.99), At(list, 0.50), At(list, 0.99));
    }

    /// <summary>A page with one campaign would hide the cost of counting per campaign: every row of the page is filled.</summary>
    private static async Task FillPageAsync(CampaignApi api, string timeZone)
    {
        for (var i = 1; i < PageSize; i++)
        {
            var other = await api.CreateSmsCampaignAsync($"Page filler {i}", timeZone);
            await api.ImportAsync(other, RecipientCsv.Build(OtherCampaignSize, timeZone));
        }
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

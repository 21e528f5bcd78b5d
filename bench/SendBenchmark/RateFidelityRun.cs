using MassCampaign.Simulator;
using MassCampaign.Simulator.Control;
using MassCampaign.Testing;

namespace SendBenchmark;

/// <summary>
/// Runs a campaign under an account limit for a fixed time and records when the Simulator accepted each SMS, from its
/// list of recent submissions polled several times a second (it keeps the last 1,000, enough up to ~5,000/s).
/// </summary>
public sealed class RateFidelityRun(VonageSimulator simulator, BenchmarkArguments arguments)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan FirstSmsTimeout = TimeSpan.FromSeconds(60);

    public async Task<RateFidelityResult> RunAsync(int limit)
    {
        simulator.Reset();
        simulator.Configure(new SimulatorSettingsUpdate { LatencyMs = arguments.LatencyMs, ThrottlePerSecond = 0, DlrUrl = "" });
        var settings = new Dictionary<string, string>(arguments.HostSettings)
        {
            ["massCampaign:rateLimits:smsRequestsPerSecond"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var database = new PostgresDatabase();
        await database.InitializeAsync();
        await using var host = await HostProcess.StartAsync(new HostProcessOptions
        {
            Postgres = database.ConnectionString,
            VonageBaseUrl = simulator.BaseAddress,
            VonageApiKey = simulator.ApiKey,
            VonageApiSecret = simulator.ApiSecret,
            Settings = settings,
        });

        var api = new CampaignApi(host.Client);
        var zone = OpenWindowZone.Now(TimeProvider.System);
        var campaign = await api.CreateSmsCampaignAsync($"Rate {limit}/s", zone);
        // More recipients than the run can send, so the limit, not the list, decides the rate.
        await api.ImportAsync(campaign, RecipientCsv.Build(limit * (arguments.RateSeconds + 30), zone));
        await api.StartAsync(campaign);

        var accepted = await CollectAsync(TimeSpan.FromSeconds(arguments.RateSeconds));
        await api.StopAsync(campaign);
        await host.StopAsync(TimeSpan.FromSeconds(30));
        return Summarize(limit, new HostConfiguration(settings).BurstFor(limit), accepted);
    }

    /// <summary>Acceptance times from the first SMS until <paramref name="length"/> after it.</summary>
    private async Task<List<DateTimeOffset>> CollectAsync(TimeSpan length)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var times = new List<DateTimeOffset>();
        var started = TimeProvider.System.GetTimestamp();
        DateTimeOffset? first = null;
        // Collect a little past the end, so SMS accepted just before it are polled in.
        while (first is null || TimeProvider.System.GetUtcNow() < first.Value + length + TimeSpan.FromSeconds(1))
        {
            foreach (var sms in simulator.ReceivedMessages().Where(m => seen.Add(m.MessageIds[0])))
            {
                times.Add(sms.ReceivedAt);
            }

            first ??= times.Count > 0 ? times.Min() : null;
            if (first is null && TimeProvider.System.GetElapsedTime(started) > FirstSmsTimeout)
            {
                throw new TimeoutException("No SMS reached the Simulator within a minute of the start.");
            }

            await Task.Delay(Poll);
        }

        return times;
    }

    private RateFidelityResult Summarize(int limit, int burst, List<DateTimeOffset> times)
    {
        times.Sort();
        var first = times[0];
        var seconds = arguments.RateSeconds;
        var inRun = times.Where(t => t - first < TimeSpan.FromSeconds(seconds)).ToList();
        var perSecond = new int[seconds];
        foreach (var t in inRun)
        {
            perSecond[(int)(t - first).TotalSeconds]++;
        }

        return new RateFidelityResult(limit, burst, seconds, perSecond, BusiestWindow.Count(inRun, TimeSpan.FromSeconds(1)));
    }
}

using MassCampaign.Simulator;
using MassCampaign.Simulator.Control;
using MassCampaign.Testing;

namespace SendBenchmark;

/// <summary>
/// One campaign end to end against a fresh host process and database: create, import the CSV over HTTP, start, and
/// wait until every recipient is terminal (the campaign row says completed and the status answers 200). The provider
/// rate limit is off, so the figure is what the engine itself can do.
/// </summary>
public sealed class EndToEndRun(VonageSimulator simulator, BenchmarkArguments arguments)
{
    private static readonly TimeSpan StatusPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    public async Task<EndToEndResult> RunAsync(int size)
    {
        simulator.Reset();
        await using var database = new PostgresDatabase();
        await database.InitializeAsync();
        var options = new HostProcessOptions
        {
            Postgres = database.ConnectionString,
            VonageBaseUrl = simulator.BaseAddress,
            VonageApiKey = simulator.ApiKey,
            VonageApiSecret = simulator.ApiSecret,
            Settings = Unlimited(arguments.HostSettings),
            RequestTimeout = Timeout,
        };

        var host = await HostProcess.StartAsync(options);
        try
        {
            simulator.Configure(new SimulatorSettingsUpdate
            {
                LatencyMs = arguments.LatencyMs,
                ThrottlePerSecond = 0,
                DlrUrl = arguments.Receipts ? host.DeliveryReceiptUrl.AbsoluteUri : "",
            });
            var api = new CampaignApi(host.Client);
            var zone = OpenWindowZone.Now(TimeProvider.System);
            var campaign = await api.CreateSmsCampaignAsync($"Benchmark {size}", zone);

            var importStarted = TimeProvider.System.GetTimestamp();
            var imported = await api.ImportAsync(campaign, RecipientCsv.Build(size, zone));
            var importTime = TimeProvider.System.GetElapsedTime(importStarted);
            if (imported != size)
            {
                throw new InvalidOperationException($"Imported {imported} of {size} recipients.");
            }

            await using var sampler = arguments.Profile ? DatabaseActivitySampler.Start(database.Name) : null;
            var backends = new DatabaseBackendCpu(TestEnvironment.PostgresServer, database.Name);
            var cpuBefore = await CpuSnapshot.TakeAsync(host, backends);
            await using var timeline = SendTimeline.Start(simulator);
            var startedAt = TimeProvider.System.GetUtcNow();
            var sendStarted = TimeProvider.System.GetTimestamp();
            await api.StartAsync(campaign);
            var finished = arguments.PollStatus
                ? await api.WaitUntilFinishedAsync(campaign, Timeout, StatusPoll)
                : await EndedAsync(api, database, campaign);
            var sendTime = TimeProvider.System.GetElapsedTime(sendStarted);
            // Completed does not wait for receipts: the last one's lag behind the last SMS is measured on its own.
            var receiptsApplied = arguments.Receipts ? await ReceiptsAppliedAsync(database, campaign, size, startedAt) : (TimeSpan?)null;
            await timeline.StopAsync();
            var cpu = (await CpuSnapshot.TakeAsync(host, backends)).Since(cpuBefore);
            var profile = await ProfileAsync(sampler);
            var peak = host.PeakMemoryBytes();

            var stats = simulator.GetStats();
            var twice = stats.SmsByRecipient.Count(r => r.Value > 1);
            if (finished.RuntimeStatus != "Completed" || stats.TotalSms != size || twice > 0)
            {
                throw new InvalidOperationException(
                    $"The run is not valid: status {finished}, {stats.TotalSms} SMS for {size} recipients, {twice} numbers texted twice.");
            }

            var reads = await ReadLatency.MeasureAsync(host.Client, campaign, zone);
            if (!await host.StopAsync(TimeSpan.FromSeconds(30)))
            {
                Console.Error.WriteLine($"The host did not stop within 30 s of SIGTERM and was killed. {host.Describe(40)}");
            }

            return new EndToEndResult(size, importTime, sendTime, stats.TotalSms, peak, cpu, profile)
            {
                FirstSms = timeline.FirstSms - startedAt,
                LastSms = timeline.LastSms - startedAt,
                LastReceiptApplied = receiptsApplied,
                ReceiptPostsRetried = stats.DlrsRetried,
                Reads = reads,
            };
        }
        catch
        {
            Console.Error.WriteLine(host.Describe(100));
            throw;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>
    /// Polls the recipient counters (constant time) until every recipient is delivered: the Simulator's receipts all
    /// report delivered, so that is the moment the last one was applied.
    /// </summary>
    private static async Task<TimeSpan> ReceiptsAppliedAsync(PostgresDatabase database, Guid campaign, int size, DateTimeOffset startedAt)
    {
        var counters = new MassCampaign.Data.Sending.RecipientCounters(database.DataSource);
        var deadline = TimeProvider.System.GetUtcNow() + Timeout;
        while ((await counters.CountedAsync(campaign, CancellationToken.None)).Delivered < size)
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Receipts were still not all applied {Timeout.TotalMinutes:F0} minutes after the start.");
            }

            await Task.Delay(100);
        }

        return TimeProvider.System.GetUtcNow() - startedAt;
    }

    /// <summary>Ended by its row, then confirmed through the status API, which must answer 200 by then.</summary>
    private static async Task<CampaignStatusReading> EndedAsync(CampaignApi api, PostgresDatabase database, Guid campaign)
    {
        await CampaignEnd.WaitAsync(database.DataSource, campaign, Timeout);
        return await api.StatusAsync(campaign);
    }

    private static async Task<string?> ProfileAsync(DatabaseActivitySampler? sampler)
    {
        if (sampler is null)
        {
            return null;
        }

        await using var text = new StringWriter();
        await sampler.WriteAsync(text);
        return text.ToString();
    }

    /// <summary>No account limit: the cluster gate is bypassed and the per-process bucket can never bind.</summary>
    private static Dictionary<string, string> Unlimited(IReadOnlyDictionary<string, string> overrides)
    {
        var settings = new Dictionary<string, string>
        {
            ["massCampaign:rateLimits:smsRequestsPerSecond"] = "0",
            ["Vonage:SmsRequestsPerSecond"] = "1000000",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }
}

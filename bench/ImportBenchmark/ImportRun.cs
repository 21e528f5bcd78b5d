using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Testing;

namespace ImportBenchmark;

/// <summary>Fresh database, fresh host process, one campaign, one streamed CSV import of the given size.</summary>
public static class ImportRun
{
    /// <summary>The benchmark campaign's zone: the zone key of numbers whose own zone is unknown or too vague.</summary>
    internal const string CampaignZone = "America/New_York";

    public static async Task<RunResult> RunAsync(BenchmarkOptions options, int rows)
    {
        await using var database = new BenchmarkDatabase(options.PostgresServer);
        await using var host = await HostProcess.StartAsync(HostProcessOptions.WithoutVonage(database.ConnectionString) with
        {
            Redis = options.Redis,
            HostDll = options.HostDll,
            Settings = new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" },
            ReadyTimeout = TimeSpan.FromSeconds(120),
            // A million-row body takes as long as it takes; the run measures it rather than cutting it off.
            RequestTimeout = Timeout.InfiniteTimeSpan,
        });
        var backends = new DatabaseBackendCpu(options.PostgresServer, database.Name);

        var campaign = await CreateCampaignAsync(host.Client);
        var hostCpu = host.CpuTime();
        var postgresCpu = await backends.SnapshotAsync();
        var clock = Stopwatch.StartNew();
        using var response = await host.Client.PostAsync($"/api/campaigns/{campaign}/contacts", new StreamingCsvContent(rows));
        var text = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {text}\n{host.Describe(50)}");
        }

        var result = JsonSerializer.Deserialize<JsonElement>(text);
        var run = new RunResult(
            rows,
            clock.Elapsed,
            host.CpuTime() - hostCpu,
            DatabaseBackendCpu.Between(postgresCpu, await backends.SnapshotAsync()) ?? TimeSpan.Zero,
            host.PeakMemoryBytes(),
            result.GetProperty("imported").GetInt64(),
            result.GetProperty("duplicates").GetInt64(),
            result.GetProperty("rejectedCount").GetInt64(),
            await EndState.ReadAsync(database.ConnectionString, campaign));
        Check(run);
        return run;
    }

    private static async Task<Guid> CreateCampaignAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Import benchmark",
            type = "sms",
            smsTemplate = "Hi {{first_name|there}}, reply STOP to opt out.",
            from = "Bench",
            callingWindow = new { timeZone = CampaignZone },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode
            ? body.GetProperty("id").GetGuid()
            : throw new InvalidOperationException($"Creating the campaign answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>Every row is accounted for, and exactly the rows generated invalid are rejected.</summary>
    private static void Check(RunResult run)
    {
        var invalid = 0L;
        for (long i = 0; i < run.Rows; i++)
        {
            invalid += ContactCsvWriter.IsInvalid(i) ? 1 : 0;
        }

        if (run.Imported + run.Duplicates + run.Rejected != run.Rows || run.Rejected != invalid || run.Duplicates != 0)
        {
            throw new InvalidOperationException(
                $"Counts do not add up for {run.Rows} rows: imported {run.Imported}, duplicates {run.Duplicates}, rejected {run.Rejected} (expected {invalid}).");
        }
    }
}

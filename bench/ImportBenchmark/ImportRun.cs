using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ImportBenchmark;

/// <summary>Fresh database, fresh host process, one campaign, one streamed CSV import of the given size.</summary>
public static class ImportRun
{
    public static async Task<RunResult> RunAsync(BenchmarkOptions options, int rows)
    {
        await using var database = new BenchmarkDatabase(options.PostgresServer);
        await using var host = await HostProcess.StartAsync(options.HostDll, database.ConnectionString, options.Redis);
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Add("x-functions-key", HostProcess.ApiKey);

        var campaign = await CreateCampaignAsync(client);
        var hostCpu = ProcessCpu.Of(host.Id);
        var postgresCpu = await ProcessCpu.OfDatabaseBackendsAsync(options.PostgresServer, database.Name);
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync($"/api/campaigns/{campaign}/contacts", new StreamingCsvContent(rows));
        var text = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {text}");
        }

        var result = JsonSerializer.Deserialize<JsonElement>(text);
        var run = new RunResult(
            rows,
            clock.Elapsed,
            ProcessCpu.Of(host.Id) - hostCpu,
            await ProcessCpu.OfDatabaseBackendsAsync(options.PostgresServer, database.Name) - postgresCpu,
            host.PeakResidentBytes(),
            result.GetProperty("imported").GetInt64(),
            result.GetProperty("duplicates").GetInt64(),
            result.GetProperty("rejectedCount").GetInt64());
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
            callingWindow = new { timeZone = "America/New_York" },
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

using System.Collections;
using System.Diagnostics;
using System.Globalization;
using MassCampaign.Testing;
using ReceiptBenchmark;

// Delivery-receipt ingestion against the real host process and PostgreSQL: see README.md.
var options = BenchmarkOptions.Parse(args);
await using var database = await BenchDatabase.CreateAsync(options.PostgresServer, options.KeepDatabase);
await using var host = await HostProcess.StartAsync(HostProcessOptions.WithoutVonage(database.ConnectionString) with
{
    Redis = options.Redis,
    HostDll = options.HostDll,
    HostCpus = options.HostCpus,
    Settings = HostSettings(),
});
Console.WriteLine($"Host ready at {host.BaseAddress} over database {database.Name}; {options.Concurrency} senders, "
                  + (options.Rate > 0 ? $"paced at {options.Rate:N0}/s" : "unpaced") + (options.HostCpus is not null ? $", host on CPUs {options.HostCpus}" : ""));

var backends = new DatabaseBackendCpu(database.ConnectionString, database.Name);
using var load = new ReceiptLoad(host.DeliveryReceiptUrl, options.Concurrency, options.Rate);
if (options.Warmup > 0)
{
    Console.WriteLine($"Warm-up: {await load.RunAsync(await database.SeedSentSmsAsync(options.Warmup))}");
    await database.WaitUntilAppliedAsync(TimeSpan.FromMinutes(5));
}

var runs = new List<LatencySummary>();
var lost = 0L;
var unapplied = 0L;
for (var run = 1; run <= options.Runs; run++)
{
    var sent = await database.SeedSentSmsAsync(options.Receipts);
    var (hostBefore, backendsBefore) = (host.CpuTime(), await backends.SnapshotAsync());
    var started = Stopwatch.GetTimestamp();
    var summary = await load.RunAsync(sent);
    await database.WaitUntilAppliedAsync(TimeSpan.FromMinutes(5));
    var appliedSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    // CPU up to the last receipt applied, not only answered: applying is part of what a receipt costs.
    var hostCpuMs = (host.CpuTime() - hostBefore).TotalMilliseconds / sent.Count;
    var databaseCpuMs = DatabaseBackendCpu.Between(backendsBefore, await backends.SnapshotAsync())?.TotalMilliseconds / sent.Count;
    var (stored, delivered) = await database.CountAsync(sent[0].Campaign);
    lost += sent.Count - stored;
    unapplied += sent.Count - delivered;
    runs.Add(summary);
    Console.WriteLine($"Run {run}: {summary}; last applied after {appliedSeconds:F2} s ({sent.Count / appliedSeconds:N0}/s applied, "
                      + $"{(appliedSeconds - summary.Seconds) * 1000:F0} ms after the last answer); CPU per receipt: host {hostCpuMs:F3} ms, "
                      + $"PostgreSQL {(databaseCpuMs is { } ms ? ms.ToString("F3", CultureInfo.InvariantCulture) : "n/a")} ms; "
                      + $"stored {stored:N0}/{sent.Count:N0}, recipients delivered {delivered:N0}");
}

var median = runs.OrderBy(r => r.PerSecond).ElementAt(runs.Count / 2);
Console.WriteLine($"Median run: {median.PerSecond:N0} receipts/s, p50 {median.P50Ms:F1} ms, p99 {median.P99Ms:F1} ms "
                  + $"(p99 across runs: {string.Join(", ", runs.Select(r => r.P99Ms.ToString("F1", CultureInfo.InvariantCulture)))} ms)");
if (lost != 0 || unapplied != 0)
{
    Console.Error.WriteLine($"FAILED: {lost} answered receipts are not stored; {unapplied} recipients are not delivered.");
    return 1;
}

Console.WriteLine("All answered receipts are stored and applied.");
return 0;

// HostProcess does not let the environment leak into the host, so the writer's knobs set for this run
// (massCampaign__receipts__Writers=4 and the like) are handed on explicitly.
static Dictionary<string, string> HostSettings()
{
    var settings = new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" };
    foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
    {
        if (variable.Key is string name && name.StartsWith("massCampaign__", StringComparison.OrdinalIgnoreCase))
        {
            settings[name] = variable.Value as string ?? "";
        }
    }

    return settings;
}

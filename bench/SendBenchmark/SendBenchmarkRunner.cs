using System.Globalization;
using MassCampaign.Simulator;
using MassCampaign.Testing;

namespace SendBenchmark;

/// <summary>Runs the throughput comparison and the rate fidelity runs against one in-process Simulator.</summary>
public sealed class SendBenchmarkRunner(BenchmarkArguments arguments, TextWriter output)
{
    public async Task<int> RunAsync()
    {
        await using var simulator = await VonageSimulator.StartAsync(new SimulatorOptions { WebhookWorkers = arguments.ReceiptPosters });
        var config = new HostConfiguration(arguments.HostSettings);
        var path = config.SendPath;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SendBenchmark: host {HostBinary.DllPath()}, {Environment.ProcessorCount} CPUs, Simulator latency {arguments.LatencyMs} ms, " +
            $"receipts {(arguments.Receipts ? $"on ({arguments.ReceiptPosters} posts at once)" : "off")}, batch {path.BatchSize} x {path.MaxBatchesInFlight} in flight x {path.RequestsInFlightPerBatch} requests each"));
        foreach (var (key, value) in arguments.HostSettings)
        {
            output.WriteLine($"  host setting {key} = {value}");
        }

        output.WriteLine();
        if (arguments.RunsThroughput)
        {
            await ThroughputAsync(simulator, config.SendConcurrency);
        }

        if (arguments.RunsRate)
        {
            output.WriteLine();
            output.WriteLine("Rate fidelity (Simulator-side acceptance times)");
            var report = new RateReport(output);
            foreach (var limit in arguments.Rates)
            {
                report.Print(await new RateFidelityRun(simulator, arguments).RunAsync(limit));
            }
        }

        return 0;
    }

    private async Task ThroughputAsync(VonageSimulator simulator, int concurrency)
    {
        var report = new ThroughputReport(output);
        for (var run = 1; run <= arguments.Runs; run++)
        {
            var bare = await new BareSender(simulator, arguments).RunAsync(arguments.BareMessages, concurrency);
            report.Bare(run, arguments.BareMessages, concurrency, bare);
            foreach (var size in arguments.Sizes)
            {
                report.EndToEnd(run, await new EndToEndRun(simulator, arguments).RunAsync(size));
            }
        }

        report.Summary();
    }
}

using System.Globalization;
using ImportBenchmark;
using MassCampaign.Testing;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"Contact import through HTTP: {Environment.ProcessorCount} cores, {options.Runs} runs per size, host {HostBinary.DllPath(options.HostDll)}");
var medians = new Dictionary<int, (double RowsPerSecond, double PeakMegabytes)>();
foreach (var size in options.Sizes)
{
    var runs = new List<RunResult>();
    for (var run = 1; run <= options.Runs; run++)
    {
        var result = await ImportRun.RunAsync(options, size);
        runs.Add(result);
        Console.WriteLine(
            $"{size,9:N0} rows  run {run}: {result.Elapsed.TotalSeconds,7:F2} s  {result.RowsPerSecond,9:N0} rows/s  " +
            $"host peak {result.PeakMegabytes,6:F0} MB  CPU host {result.HostCpu.TotalSeconds:F1} s + postgres {result.PostgresCpu.TotalSeconds:F1} s " +
            $"= {result.CpuMicrosecondsPerRow:F1} µs/row  (imported {result.Imported:N0}, rejected {result.Rejected:N0})");
    }

    medians[size] = (Median(runs.Select(r => r.RowsPerSecond)), Median(runs.Select(r => r.PeakMegabytes)));
}

Console.WriteLine();
Console.WriteLine("   rows      median rows/s   median host peak (VmHWM)");
foreach (var (size, median) in medians)
{
    Console.WriteLine($"{size,9:N0}   {median.RowsPerSecond,13:N0}   {median.PeakMegabytes,10:F0} MB");
}

if (medians.Count >= 2)
{
    var smallest = medians.MinBy(m => m.Key);
    var largest = medians.MaxBy(m => m.Key);
    Console.WriteLine($"peak({largest.Key:N0}) / peak({smallest.Key:N0}) = {largest.Value.PeakMegabytes / smallest.Value.PeakMegabytes:F2}");
}

return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

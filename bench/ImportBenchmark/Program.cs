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
Console.WriteLine($"Contact import through HTTP, then a bare binary COPY of the same rows: {Environment.ProcessorCount} cores, {options.Runs} runs per size, host {HostBinary.DllPath(options.HostDll)}");
var medians = new Dictionary<int, (double ImportRowsPerSecond, double CopyRowsPerSecond, double Ratio, double PeakMegabytes)>();
foreach (var size in options.Sizes)
{
    var runs = new List<(RunResult Import, BareCopyResult Copy)>();
    for (var run = 1; run <= options.Runs; run++)
    {
        var import = await ImportRun.RunAsync(options, size);
        Console.WriteLine(
            $"{size,9:N0} rows  run {run}: API import {import.Elapsed.TotalSeconds,7:F2} s  {import.RowsPerSecond,9:N0} rows/s  " +
            $"host peak {import.PeakMegabytes,6:F0} MB  CPU host {import.HostCpu.TotalSeconds:F1} s + postgres {import.PostgresCpu.TotalSeconds:F1} s " +
            $"= {import.CpuMicrosecondsPerRow:F1} µs/row  (imported {import.Imported:N0}, rejected {import.Rejected:N0})");

        var copy = await BareCopyRun.RunAsync(options, size);
        if (copy.EndState != import.EndState)
        {
            throw new InvalidOperationException($"The bare COPY left {copy.EndState}, the import {import.EndState}.");
        }

        runs.Add((import, copy));
        Console.WriteLine(
            $"{"",23}bare COPY  {copy.Elapsed.TotalSeconds,7:F2} s  {copy.RowsPerSecond,9:N0} rows/s  " +
            $"CPU postgres {copy.PostgresCpu.TotalSeconds:F1} s  (written {copy.Written:N0})  " +
            $"import/COPY {import.RowsPerSecond / copy.RowsPerSecond:F2}");
    }

    medians[size] = (
        Median(runs.Select(r => r.Import.RowsPerSecond)),
        Median(runs.Select(r => r.Copy.RowsPerSecond)),
        Median(runs.Select(r => r.Import.RowsPerSecond / r.Copy.RowsPerSecond)),
        Median(runs.Select(r => r.Import.PeakMegabytes)));
}

Console.WriteLine();
Console.WriteLine("Medians:    rows   import rows/s   bare COPY rows/s   import/COPY   host peak (VmHWM)");
foreach (var (size, median) in medians)
{
    Console.WriteLine(
        $"{size,16:N0}   {median.ImportRowsPerSecond,13:N0}   {median.CopyRowsPerSecond,16:N0}   {median.Ratio,11:F2}   {median.PeakMegabytes,14:F0} MB");
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

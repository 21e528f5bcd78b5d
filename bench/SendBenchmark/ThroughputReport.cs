using System.Globalization;

namespace SendBenchmark;

/// <summary>Prints each run as it finishes, then the medians against the targets of issue 4 item 6 and issue 12.</summary>
public sealed class ThroughputReport(TextWriter output)
{
    public const double TargetMessagesPerSecond = 10_000;
    public const double TargetShareOfBare = 0.60;
    public const double TargetMemoryGrowth = 1.3;
    public const double TargetReceiptLagSeconds = 10;
    public const double TargetReadP99Ms = 10;

    private readonly List<double> _bare = [];
    private readonly List<EndToEndResult> _runs = [];

    public void Bare(int run, int messages, int concurrency, (double MessagesPerSecond, double CpuSeconds) bare)
    {
        _bare.Add(bare.MessagesPerSecond);
        Write($"run {run}  bare sender      {messages,9:N0} SMS at concurrency {concurrency}: {bare.MessagesPerSecond,8:N0} msgs/s  ",
              $"cpu client + simulator {bare.CpuSeconds,5:F0} s ({bare.CpuSeconds * 1e6 / messages:F0} µs/SMS)");
    }

    public void EndToEnd(int run, EndToEndResult result)
    {
        _runs.Add(result);
        var cpu = result.SendCpu;
        var perSms = 1e6 / result.Messages;
        Write($"run {run}  campaign {result.Size,9:N0}  import {result.ImportTime.TotalSeconds,6:F1} s ({result.ImportRowsPerSecond,7:N0} rows/s)  ",
              $"send {result.SendTime.TotalSeconds,6:F1} s  {result.MessagesPerSecond,8:N0} msgs/s  peak {Megabytes(result.PeakMemoryBytes),6:N0} MB  ",
              $"cpu host {cpu.Host,5:F0} s, postgres {(cpu.Postgres is { } postgres ? postgres.ToString("F0", CultureInfo.InvariantCulture) : "n/a"),5} s, simulator {cpu.Bench,5:F0} s");
        Write($"        cpu per SMS: host {cpu.Host * perSms:F0} µs, postgres {cpu.Postgres * perSms:F0} µs, simulator {cpu.Bench * perSms:F0} µs");
        if (result.FirstSms is { } first && result.LastSms is { } last)
        {
            Write($"        first SMS after {first.TotalSeconds:F1} s, last after {last.TotalSeconds:F1} s, Completed after {result.SendTime.TotalSeconds:F1} s: ",
                  $"{result.SendingPerSecond:N0} msgs/s while sending");
        }

        if (result.LastReceiptApplied is { } applied && result.LastSms is { } lastSms)
        {
            Write($"        last receipt applied {(applied - lastSms).TotalSeconds:F1} s after the last SMS ({applied.TotalSeconds:F1} s after the start: ",
                  $"{result.Messages / applied.TotalSeconds:N0} msgs/s start to all delivered); receipt posts retried {result.ReceiptPostsRetried:N0}");
        }

        if (result.Reads is { } reads)
        {
            Write($"        reads at {result.Size:N0} recipients: GET status p50 {reads.StatusP50Ms:F1} ms p99 {reads.StatusP99Ms:F1} ms; ",
                  $"GET /api/campaigns (a page of 50: this campaign and 49 of 1,000) p50 {reads.ListP50Ms:F1} ms p99 {reads.ListP99Ms:F1} ms (target p99 <= 10 ms)");
        }

        if (result.Profile is not null)
        {
            output.Write(result.Profile);
        }
    }

    public void Summary()
    {
        output.WriteLine();
        output.WriteLine("Medians");
        var bare = _bare.Count > 0 ? Median.Of(_bare) : double.NaN;
        Write($"  bare sender              {bare,8:N0} msgs/s");
        var peaks = new Dictionary<int, double>();
        foreach (var size in _runs.Select(r => r.Size).Distinct().Order())
        {
            var runs = _runs.Where(r => r.Size == size).ToList();
            var rate = Median.Of(runs.Select(r => r.MessagesPerSecond));
            peaks[size] = Median.Of(runs.Select(r => (double)r.PeakMemoryBytes));
            Write($"  campaign {size,9:N0}        {rate,8:N0} msgs/s  {Verdict(rate >= TargetMessagesPerSecond)} >= {TargetMessagesPerSecond:N0}   ",
                  $"{rate / bare,5:P0} of bare  {Verdict(rate / bare >= TargetShareOfBare)} >= {TargetShareOfBare:P0}   ",
                  $"peak {Megabytes((long)peaks[size]),6:N0} MB  (runs: {runs.Count})");
            ReceiptMedians(runs);
            ReadMedians(runs);
        }

        if (peaks.Count >= 2)
        {
            var (small, large) = (peaks.Keys.Min(), peaks.Keys.Max());
            var growth = peaks[large] / peaks[small];
            Write($"  peak({large:N0}) / peak({small:N0}) = {growth:F2}  {Verdict(growth <= TargetMemoryGrowth)} <= {TargetMemoryGrowth:F1}");
        }
    }

    /// <summary>The receipt figures of issue 12: how long after the last SMS the last receipt was applied, and lost posts.</summary>
    private void ReceiptMedians(List<EndToEndResult> runs)
    {
        var timed = runs.Where(r => r.LastReceiptApplied is not null && r.LastSms is not null).ToList();
        if (timed.Count == 0)
        {
            return;
        }

        var lag = Median.Of(timed.Select(r => (r.LastReceiptApplied!.Value - r.LastSms!.Value).TotalSeconds));
        var delivered = Median.Of(timed.Select(r => r.Messages / r.LastReceiptApplied!.Value.TotalSeconds));
        var retried = timed.Sum(r => r.ReceiptPostsRetried);
        Write($"      last receipt {lag,6:F1} s after the last SMS  {Verdict(lag <= TargetReceiptLagSeconds)} <= {TargetReceiptLagSeconds:F0} s   ",
              $"start to all delivered {delivered,8:N0} msgs/s   receipt posts retried {retried:N0} in all  {Verdict(retried == 0)} = 0");
    }

    private void ReadMedians(List<EndToEndResult> runs)
    {
        var reads = runs.Select(r => r.Reads).OfType<ReadLatency>().ToList();
        if (reads.Count == 0)
        {
            return;
        }

        var status = Median.Of(reads.Select(r => r.StatusP99Ms));
        var list = Median.Of(reads.Select(r => r.ListP99Ms));
        Write($"      GET status p99 {status,5:F1} ms  {Verdict(status <= TargetReadP99Ms)} <= {TargetReadP99Ms:F0} ms   ",
              $"GET /api/campaigns (50 a page) p99 {list,5:F1} ms  {Verdict(list <= TargetReadP99Ms)} <= {TargetReadP99Ms:F0} ms");
    }

    private static string Verdict(bool met) => met ? "MET " : "MISS";

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    private void Write(params FormattableString[] parts) =>
        output.WriteLine(string.Concat(parts.Select(part => part.ToString(CultureInfo.InvariantCulture))));
}

namespace ReceiptBenchmark;

/// <summary>Throughput and latency percentiles of one run.</summary>
public sealed record LatencySummary(int Count, double Seconds, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Count / Seconds;

    public static LatencySummary From(double[] latenciesMs, double seconds)
    {
        var sorted = latenciesMs.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new LatencySummary(sorted.Length, seconds, At(0.50), At(0.90), At(0.99), sorted[^1]);
    }

    public override string ToString() =>
        $"{Count:N0} receipts in {Seconds:F2} s = {PerSecond:N0}/s; latency p50 {P50Ms:F1} ms, p90 {P90Ms:F1} ms, p99 {P99Ms:F1} ms, max {MaxMs:F1} ms";
}

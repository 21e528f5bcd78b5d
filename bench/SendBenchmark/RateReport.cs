using System.Globalization;

namespace SendBenchmark;

/// <summary>Prints a rate fidelity run: achieved rate against the limit and the busiest second against limit + burst.</summary>
public sealed class RateReport(TextWriter output)
{
    public const double TargetDeviationPercent = 2;

    public void Print(RateFidelityResult result)
    {
        var ceiling = result.Limit + result.Burst;
        Write($"limit {result.Limit}/s (burst {result.Burst}) over {result.Seconds} s: {result.Total:N0} SMS, ",
              $"{result.AchievedRate:F2}/s overall, {result.SteadyRate:F2}/s after the first second ",
              $"({result.DeviationPercent:+0.00;-0.00}% vs limit, {(Math.Abs(result.DeviationPercent) <= TargetDeviationPercent ? "MET" : "MISS")} within ±{TargetDeviationPercent}%)");
        Write($"  busiest 1-second window: {result.MaxOneSecondWindow} SMS (limit + burst = {ceiling}, {(result.MaxOneSecondWindow <= ceiling ? "MET" : "MISS")}); ",
              $"per second min {result.PerSecond.Min()}, max {result.PerSecond.Max()}");
        Write($"  per second: {string.Join(' ', result.PerSecond)}");
    }

    private void Write(params FormattableString[] parts) =>
        output.WriteLine(string.Concat(parts.Select(part => part.ToString(CultureInfo.InvariantCulture))));
}

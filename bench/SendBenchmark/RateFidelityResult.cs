namespace SendBenchmark;

/// <summary>What the Simulator saw in one rate fidelity run, second by second from the first accepted SMS.</summary>
public sealed record RateFidelityResult(int Limit, int Burst, int Seconds, IReadOnlyList<int> PerSecond, int MaxOneSecondWindow)
{
    public int Total => PerSecond.Sum();

    public double AchievedRate => Total / (double)Seconds;

    /// <summary>The rate after the first second, which may spend the bucket's initial burst.</summary>
    public double SteadyRate => PerSecond.Skip(1).Sum() / (double)(Seconds - 1);

    public double DeviationPercent => (SteadyRate - Limit) * 100 / Limit;
}

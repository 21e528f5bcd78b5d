namespace MassCampaign.Simulator.Voice;

/// <summary>The answer URL's latency over every NCCO fetched since the last reset, in milliseconds (nearest-rank percentiles).</summary>
public sealed record AnswerLatency(long Count, double P50Ms, double P99Ms, double MaxMs)
{
    public static AnswerLatency Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new AnswerLatency(0, 0, 0, 0);
        }

        var sorted = milliseconds.Order().ToArray();
        double At(double share) => sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new AnswerLatency(sorted.Length, At(0.50), At(0.99), sorted[^1]);
    }
}

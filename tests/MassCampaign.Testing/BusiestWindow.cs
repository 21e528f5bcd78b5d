namespace MassCampaign.Testing;

/// <summary>How a rate limit is judged from the outside: the most events inside any window, wherever it starts.</summary>
public static class BusiestWindow
{
    /// <param name="times">Event times, in any order.</param>
    public static int Count(IEnumerable<TimeSpan> times, TimeSpan window)
    {
        var sorted = times.Order().ToList();
        var max = 0;
        for (int start = 0, end = 0; end < sorted.Count; end++)
        {
            while (sorted[end] - sorted[start] >= window)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }

    public static int Count(IReadOnlyCollection<DateTimeOffset> times, TimeSpan window)
    {
        if (times.Count == 0)
        {
            return 0;
        }

        var first = times.Min();
        return Count(times.Select(t => t - first), window);
    }
}

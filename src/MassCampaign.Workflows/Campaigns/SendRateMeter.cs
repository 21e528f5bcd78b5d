namespace MassCampaign.Workflows.Campaigns;

/// <summary>Accepted sends per second over the last few seconds, for customStatus.ratePerSecond.</summary>
internal sealed class SendRateMeter(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Queue<(long At, int Count)> _samples = new();

    public void Record(int accepted)
    {
        if (accepted > 0)
        {
            _samples.Enqueue((time.GetTimestamp(), accepted));
        }
    }

    public double PerSecond()
    {
        while (_samples.Count > 0 && time.GetElapsedTime(_samples.Peek().At) > Window)
        {
            _samples.Dequeue();
        }

        if (_samples.Count == 0)
        {
            return 0;
        }

        // Over the whole window once it is full, over the time since the first sample while it fills.
        var span = Math.Max(1.0, Math.Min(Window.TotalSeconds, time.GetElapsedTime(_samples.Peek().At).TotalSeconds));
        return Math.Round(_samples.Sum(s => s.Count) / span, 1);
    }
}

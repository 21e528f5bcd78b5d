namespace MassCampaign.Simulator.Sms;

/// <summary>
/// Counts requests per one-second window exactly, without a lock: the window number and the count share one
/// 64-bit word updated by compare-and-swap.
/// </summary>
internal sealed class ThroughputWindow(TimeProvider time)
{
    private const int CountBits = 24;
    private const long CountMask = (1L << CountBits) - 1;

    private readonly long _origin = time.GetTimestamp();
    private long _state;

    /// <returns>False when the window is full; <paramref name="wait"/> is then the time left until the next one.</returns>
    public bool TryEnter(int limitPerSecond, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (limitPerSecond <= 0)
        {
            return true;
        }

        var elapsed = time.GetElapsedTime(_origin);
        var window = elapsed.Ticks / TimeSpan.TicksPerSecond;
        while (true)
        {
            var state = Volatile.Read(ref _state);
            var stateWindow = state >> CountBits;
            var count = state & CountMask;
            long next;
            if (window > stateWindow)
            {
                next = (window << CountBits) | 1;
            }
            else if (count >= limitPerSecond)
            {
                var windowEnd = TimeSpan.FromTicks((stateWindow + 1) * TimeSpan.TicksPerSecond);
                wait = windowEnd - elapsed;
                return false;
            }
            else
            {
                next = state + 1;
            }

            if (Interlocked.CompareExchange(ref _state, next, state) == state)
            {
                return true;
            }
        }
    }

    public void Reset() => Interlocked.Exchange(ref _state, 0);
}

using System.Collections.Concurrent;

namespace MassCampaign.Simulator.Sms;

/// <summary>The last accepted submissions, bounded so a benchmark run cannot grow it.</summary>
internal sealed class RecentSubmissions
{
    private const int Capacity = 1_000;

    private readonly ConcurrentQueue<ReceivedSms> _queue = new();
    private int _count;

    public void Add(ReceivedSms sms)
    {
        _queue.Enqueue(sms);
        if (Interlocked.Increment(ref _count) > Capacity && _queue.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    public IReadOnlyList<ReceivedSms> Snapshot() => [.. _queue];

    public void Clear()
    {
        _queue.Clear();
        Interlocked.Exchange(ref _count, 0);
    }
}

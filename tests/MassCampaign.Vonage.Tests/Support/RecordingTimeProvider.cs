using System.Collections.Concurrent;

namespace MassCampaign.Vonage.Tests.Support;

/// <summary>The system clock, noting every timer it is asked for, so a test can see which waits the code chose.</summary>
public sealed class RecordingTimeProvider(TimeSpan requestTimeout) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private readonly TaskCompletionSource<TimeSpan> _firstWait = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every wait between attempts that was asked for, in order; per-attempt timeouts are left out.</summary>
    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public Task<TimeSpan> FirstWait => _firstWait.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan && dueTime != requestTimeout)
        {
            _waits.Enqueue(dueTime);
            _firstWait.TrySetResult(dueTime);
        }

        return TimeProvider.System.CreateTimer(callback, state, dueTime, period);
    }
}

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// Whether one campaign's requests may start on this silo, and how many have started and not yet been answered. The
/// campaign grain closes it before a pause or stop answers, then waits for the requests already under way, so no
/// request starts after the operator's 202. A sender closes it when the provider refuses the account.
/// </summary>
public sealed class SendPermit
{
    private readonly Lock _lock = new();
    private volatile string? _closedBecause = "not started";
    private int _underWay;
    private TaskCompletionSource? _drained;

    public bool IsOpen => _closedBecause is null;

    /// <summary>Set when a sender closed the permit because the provider refused the account; the grain pauses with it.</summary>
    public string? AccountRefusal { get; private set; }

    public void Open()
    {
        lock (_lock)
        {
            _closedBecause = null;
            AccountRefusal = null;
        }
    }

    public void Close(string reason) => _closedBecause ??= reason;

    public void RefuseAccount(string reason)
    {
        lock (_lock)
        {
            AccountRefusal ??= reason;
        }

        Close(reason);
    }

    /// <summary>Right before a request leaves: false once closed. Each true is paired with one <see cref="Leave"/>.</summary>
    public bool TryEnter()
    {
        Interlocked.Increment(ref _underWay);
        if (IsOpen)
        {
            return true;
        }

        Leave();
        return false;
    }

    public void Leave()
    {
        if (Interlocked.Decrement(ref _underWay) == 0 && !IsOpen)
        {
            lock (_lock)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Completes once every request that entered before the close has been answered (or the wait is over).</summary>
    public Task DrainedAsync(TimeSpan longest)
    {
        lock (_lock)
        {
            if (Volatile.Read(ref _underWay) == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var drained = _drained.Task;
            return drained.WaitAsync(longest).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

using MassCampaign.Data.Sending;

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// Records, before a request leaves, that the batch has been handed to the provider up to its position. Requests that
/// reach it while a write is out join the next one, so a batch writes a few short rows, not one per recipient. After a
/// crash everything past the durable mark is known unsent.
/// <para>
/// When requests come faster than a write takes, each write also covers as many positions ahead as joined the last
/// one (never more than the batch's concurrency), so the next requests go without waiting. Paced by a slow rate
/// limit, requests come one at a time and the mark covers exactly what left.
/// </para>
/// </summary>
internal sealed class HandoverJournal(ISendPathRepository sendPath, Guid batchId, int size, int concurrency)
{
    private readonly Lock _lock = new();
    private int _durable;
    private int _wanted;
    private int _lastGroup = 1;
    private Task? _writing;

    /// <summary>Completes once positions up to <paramref name="position"/> are durably marked; throws if the write failed.</summary>
    public async ValueTask HandOverAsync(int position)
    {
        while (true)
        {
            Task write;
            lock (_lock)
            {
                if (position <= _durable)
                {
                    return;
                }

                _wanted = Math.Max(_wanted, position);
                write = _writing ??= WriteAsync();
            }

            await write;
        }
    }

    private async Task WriteAsync()
    {
        // Let the requests cleared at the same moment join this write.
        await Task.Yield();
        int target;
        lock (_lock)
        {
            var group = _wanted - _durable;
            target = Math.Min(size, _wanted + Math.Min(_lastGroup, concurrency) - 1);
            _lastGroup = Math.Max(1, group);
        }

        try
        {
            if (!await sendPath.MarkHandedAsync(batchId, target, CancellationToken.None))
            {
                // Recovery released this batch's unsent recipients; another claim may already be sending them.
                throw new InvalidOperationException("the batch was taken over by recovery");
            }

            lock (_lock)
            {
                _durable = Math.Max(_durable, target);
            }
        }
        finally
        {
            lock (_lock)
            {
                _writing = null;
            }
        }
    }
}

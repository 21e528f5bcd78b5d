using MassCampaign.Data.Sending;
using Microsoft.Extensions.Logging;

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// Writes a batch's outcomes while it is still sending, in chunks: whenever <see cref="FlushAt"/> have come, or the
/// oldest waiting one is <see cref="FlushAfter"/> old. A crash then leaves 'sending' at or below the handover mark
/// only what was in flight or answered in the last moments, not the whole handed part of the batch; and each write
/// still carries dozens of outcomes, which the database needs to keep up at full speed (one write per few answers
/// cost it five times the CPU per SMS). Nothing waits for these writes; the batch's closing write takes the rest.
/// </summary>
internal sealed class OutcomeJournal(ISendPathRepository sendPath, Guid batchId, TimeSpan unknownResolveAfter, TimeProvider time, ILogger logger)
{
    private const int FlushAt = 128;
    private static readonly TimeSpan FlushAfter = TimeSpan.FromMilliseconds(250);

    private readonly Lock _lock = new();
    private List<SendOutcome> _queued = [];
    private readonly List<SendOutcome> _unwritten = [];
    private long _oldestQueuedAt;
    private Task _writing = Task.CompletedTask;

    public void Record(SendOutcome outcome)
    {
        lock (_lock)
        {
            if (_queued.Count == 0)
            {
                _oldestQueuedAt = time.GetTimestamp();
            }

            _queued.Add(outcome);
            FlushIfDue();
        }
    }

    /// <summary>Waits for the write under way, then hands back every outcome not yet written, for the closing write.</summary>
    public async Task<IReadOnlyList<SendOutcome>> DrainAsync()
    {
        Task writing;
        lock (_lock)
        {
            writing = _writing;
        }

        await writing;
        lock (_lock)
        {
            var rest = new List<SendOutcome>(_unwritten.Count + _queued.Count);
            rest.AddRange(_unwritten);
            rest.AddRange(_queued);
            _unwritten.Clear();
            _queued = [];
            return rest;
        }
    }

    // Called under the lock.
    private void FlushIfDue()
    {
        var due = _queued.Count >= FlushAt || (_queued.Count > 0 && time.GetElapsedTime(_oldestQueuedAt) >= FlushAfter);
        if (!due || !_writing.IsCompleted)
        {
            return;
        }

        var chunk = _queued;
        _queued = [];
        _writing = WriteAsync(chunk);
    }

    private async Task WriteAsync(List<SendOutcome> chunk)
    {
        await Task.Yield();
        try
        {
            await sendPath.RecordOutcomesAsync(chunk, new BatchSettlement(batchId, unknownResolveAfter, ClosesBatch: false), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Recording {Count} outcomes failed; the batch's closing write tries them again", chunk.Count);
            lock (_lock)
            {
                _unwritten.AddRange(chunk);
            }
        }
    }
}

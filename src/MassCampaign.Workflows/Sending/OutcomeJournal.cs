using MassCampaign.Data.Sending;
using Microsoft.Extensions.Logging;

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// Records a batch's outcomes as they come, group-committed: outcomes that arrive while a write is out go together in
/// the next one. A request's slot is held until its outcome is durable, so after a crash only requests actually out
/// are left 'sending' at or below the handover mark (DESIGN.md §4 rule 3), not the whole handed part of the batch.
/// </summary>
internal sealed class OutcomeJournal(ISendPathRepository sendPath, Guid batchId, TimeSpan unknownResolveAfter, ILogger logger)
{
    private readonly Lock _lock = new();
    private readonly List<SendOutcome> _unwritten = [];
    private List<SendOutcome> _queued = [];
    private Task _writing = Task.CompletedTask;
    private Task? _next;

    /// <summary>Completes once the outcome is durable, or its write failed and it waits for the batch's closing write.</summary>
    public Task RecordAsync(SendOutcome outcome)
    {
        lock (_lock)
        {
            _queued.Add(outcome);
            return _next ??= WriteAfterAsync(_writing);
        }
    }

    /// <summary>Outcomes whose write failed (or never ran): the batch's closing write carries them.</summary>
    public IReadOnlyList<SendOutcome> Unwritten()
    {
        lock (_lock)
        {
            return [.. _unwritten, .. _queued];
        }
    }

    private async Task WriteAfterAsync(Task previous)
    {
        await previous;
        // Let the outcomes answered at the same moment join this write.
        await Task.Yield();
        List<SendOutcome> chunk;
        lock (_lock)
        {
            chunk = _queued;
            _queued = [];
            _writing = _next!;
            _next = null;
        }

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

using MassCampaign.Workflows.Dispatch;
using Microsoft.Extensions.Logging;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// The batches a campaign has sent off and not yet heard back from. Results are folded in memory only (on the grain's
/// own scheduler, so without locks); what they imply is decided on the next timer tick.
/// </summary>
internal sealed class InFlightBatches(SendRateMeter meter, ILogger logger)
{
    private readonly HashSet<Task> _calls = [];

    public int Count => _calls.Count;

    /// <summary>The last batch came back full, so more is probably waiting: worth filling every free slot.</summary>
    public bool LastClaimWasFull { get; private set; }

    /// <summary>A batch reported that the campaign cannot go on; the next tick fails it with this reason.</summary>
    public string? FatalError { get; private set; }

    /// <summary>A batch found the account refused; the next tick pauses the campaign with this reason.</summary>
    public string? AccountRefusal { get; private set; }

    /// <summary>Batches answered so far; a change means counts read before are stale.</summary>
    public long Answered { get; private set; }

    /// <summary>Something changed what is pending (a short claim, a retry, a release): zone keys are worth reading again.</summary>
    public bool PendingMayHaveChanged { get; set; }

    public void Track(Task<BatchReport> call, int limit)
    {
        Task watch = null!;
        watch = WatchAsync(call, limit, () => _calls.Remove(watch));
        if (!watch.IsCompleted)
        {
            _calls.Add(watch);
        }
    }

    /// <summary>The fatal error, once: the grain fails the campaign with it and the loop goes on to settle.</summary>
    public string? TakeFatalError()
    {
        var fatal = FatalError;
        FatalError = null;
        return fatal;
    }

    /// <summary>The operator resumed: a refusal seen before is the past.</summary>
    public void ForgetRefusal() => AccountRefusal = null;

    /// <summary>Completes when every batch in flight now has answered (or failed).</summary>
    public Task DrainAsync() => Task.WhenAll(_calls.ToArray());

    private async Task WatchAsync(Task<BatchReport> call, int limit, Action done)
    {
        try
        {
            var result = await call;
            meter.Record(result.Sent);
            LastClaimWasFull = result.Claimed >= limit && result.Released == 0;
            PendingMayHaveChanged |= result.Claimed < limit || result.Retried > 0 || result.Released > 0;
            FatalError ??= result.FatalError;
            AccountRefusal ??= result.AccountRefusal;
        }
        catch (Exception e)
        {
            // The sender records its own outcomes; losing its answer only costs this campaign a probe.
            logger.LogWarning(e, "A batch call failed; its recipients stay as the sender recorded them");
            LastClaimWasFull = false;
            PendingMayHaveChanged = true;
        }
        finally
        {
            Answered++;
            done();
        }
    }
}

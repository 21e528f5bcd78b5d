using MassCampaign.Data.Receipts;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// Applies the receipts the webhook acknowledged: drains the inbox in large batches, each stored, folded and deleted
/// in one transaction (<see cref="DeliveryReceiptStore.ApplyInboxAsync"/>), then waits a moment for the next ones to
/// gather. Every host runs one; their batches are disjoint, and a host that dies mid-batch leaves its rows to them.
/// </summary>
public sealed class ReceiptApplier(DeliveryReceiptStore store, IOptions<ReceiptOptions> options, TimeProvider time, ILogger<ReceiptApplier> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = settings.ApplyInterval;
                try
                {
                    // A batch under way is finished rather than thrown away when the host stops.
                    var startedAt = time.GetUtcNow();
                    var applied = new AppliedReceipts();
                    var batch = await store.ApplyInboxAsync(settings.ApplyBatchSize, applied, CancellationToken.None);
                    ReceiptTracing.Record(batch.Taken, applied.Counts, startedAt, time.GetUtcNow());
                    if (batch.Retired > 0)
                    {
                        ReceiptWriterLog.RetiredUnapplicable(logger, batch.Retired);
                    }

                    if (batch.Taken == settings.ApplyBatchSize)
                    {
                        continue;
                    }
                }
                catch (Exception e)
                {
                    // The batch rolled back and its receipts are still in the inbox: a later pass takes them again.
                    ReceiptWriterLog.ApplyFailed(logger, e);
                    wait = settings.ReconcileInterval;
                }

                await Task.Delay(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }
}

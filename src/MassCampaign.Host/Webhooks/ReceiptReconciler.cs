using MassCampaign.Data.Receipts;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// Periodically re-applies receipts that matched no message when they arrived: a receipt can beat the send
/// path's write of its message, and a crash can leave a recipient 'unknown' until its receipt is applied again.
/// Receipts that cannot match are retired, so the sweep keeps reaching new ones.
/// </summary>
public sealed class ReceiptReconciler(DeliveryReceiptStore store, IOptions<ReceiptOptions> options, TimeProvider time, ILogger<ReceiptReconciler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var sweep = new ReceiptSweep(settings.ReconcileBatchSize, settings.ReconcileWindow, settings.ReconcileMaxAttempts);
        using var timer = new PeriodicTimer(settings.ReconcileInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var result = await store.ReapplyUnmatchedAsync(sweep, stoppingToken);
                    if (result.Matched > 0)
                    {
                        ReceiptWriterLog.Reapplied(logger, result.Matched);
                    }

                    if (result.Retired > 0)
                    {
                        ReceiptWriterLog.Retired(logger, result.Retired);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ReceiptWriterLog.ReapplyFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }
}

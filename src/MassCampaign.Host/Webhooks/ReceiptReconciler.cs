using MassCampaign.Data.Receipts;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// Periodically re-applies receipts that matched no message when they arrived: a receipt can beat the send
/// path's write of its message, and a crash can leave a recipient 'unknown' until its receipt is applied again.
/// </summary>
public sealed class ReceiptReconciler(DeliveryReceiptStore store, IOptions<ReceiptOptions> options, TimeProvider time, ILogger<ReceiptReconciler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.ReconcileInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var count = await store.ReapplyUnmatchedAsync(settings.ReconcileWindow, settings.ReconcileBatchSize, stoppingToken);
                    if (count > 0)
                    {
                        ReceiptWriterLog.Reapplied(logger, count);
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

using MassCampaign.Data.Sending;

namespace MassCampaign.Host.Reporting;

/// <summary>
/// Folds the recipient count deltas the triggers append into the counts every second, so a read sums a few rows
/// however long a campaign has been sending. Reads stay exact whether or not it has run; it only keeps them short.
/// Every host runs one; they take disjoint deltas.
/// </summary>
public sealed class RecipientCountCompactor(RecipientCounters counters, TimeProvider time, ILogger<RecipientCountCompactor> logger) : BackgroundService
{
    private const int PerRound = 20_000;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    while (await counters.CompactAsync(PerRound, stoppingToken) == PerRound)
                    {
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Compacting the recipient counters failed; reads stay exact and it is tried again in a second");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }
}

using MassCampaign.Data.Lifecycle;
using MassCampaign.Workflows.Campaigns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MassCampaign.Workflows.Recovery;

/// <summary>
/// Wakes, once the silo is up, every campaign PostgreSQL says is unfinished. Activation does the rest: recipients cut
/// off in 'sending' become 'unknown', queued campaigns ask their gate again, running ones restart their loop. This is
/// what makes in-memory reminders enough for a single host; with Redis reminders it is a quick second net.
/// </summary>
public sealed class CampaignRecoveryService(
    ICampaignLifecycleRepository campaigns,
    IGrainFactory grains,
    ILogger<CampaignRecoveryService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var unfinished = await campaigns.FindUnfinishedAsync(cancellationToken);
        if (unfinished.Count == 0)
        {
            return;
        }

        logger.LogInformation("Resuming {Count} unfinished campaigns", unfinished.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(unfinished, parallel, async (id, _) =>
        {
            try
            {
                await grains.GetGrain<ICampaignGrain>(id).WakeAsync();
            }
            catch (Exception e)
            {
                // One campaign that cannot wake must not keep the host down; its reminder or the next start retries it.
                logger.LogError(e, "Campaign {CampaignId} could not be resumed", id);
            }
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using MassCampaign.Data.Voice;
using MassCampaign.Domain.Telemetry;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Gates;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Telemetry;

/// <summary>
/// Reads what the gauges show every <see cref="TelemetryOptions.GaugeRefresh"/>: each type's gate (as GET
/// /api/campaign-types reads it) and the calls in progress, and publishes them for the next scrapes. The gates and
/// the calls are the cluster's, so every host shows the same values.
/// </summary>
public sealed class GaugeRefresher(
    IGrainFactory grains, CallRepository calls, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<GaugeRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.GaugeRefresh, time);
        do
        {
            try
            {
                CampaignGauges.Publish(await ReadAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The gauges keep their last values; the next tick tries again.
                logger.LogDebug(e, "Reading the gauges' values failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task<GaugeReadings> ReadAsync(CancellationToken ct)
    {
        var gates = await Task.WhenAll(ConcurrencyOptions.GateKeys.Select(async type =>
        {
            var gate = await grains.GetGrain<ICampaignTypeGate>(type).GetSnapshotAsync();
            return new TypeGateReading(type, gate.Limit, gate.Holders.Count, gate.Waiters.Count);
        }));
        return new GaugeReadings(gates, await calls.CountInProgressAsync(ct));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

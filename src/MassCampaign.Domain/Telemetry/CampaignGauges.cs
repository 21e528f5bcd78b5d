using System.Diagnostics.Metrics;

namespace MassCampaign.Domain.Telemetry;

/// <summary>
/// The observable gauges: campaigns holding and waiting for each type's slots, the limits, utilisation, and calls in
/// progress. A scrape reads the last values a background refresher published, never the gates or the database itself,
/// so a scrape costs nothing however often it comes.
/// </summary>
public static class CampaignGauges
{
    private static volatile GaugeReadings _current = GaugeReadings.None;

    static CampaignGauges()
    {
        var meter = MassCampaignTelemetry.Meter;
        meter.CreateObservableGauge("masscampaign.campaigns.active", () => PerType(t => t.Active),
            description: "Campaigns holding a slot of their type's gate (running or paused).");
        meter.CreateObservableGauge("masscampaign.campaigns.queued", () => PerType(t => t.Queued),
            description: "Campaigns waiting for a slot of their type's gate.");
        meter.CreateObservableGauge("masscampaign.campaigns.limit", () => PerType(t => t.Limit),
            description: "Campaigns of the type allowed to run at once.");
        meter.CreateObservableGauge("masscampaign.campaigns.utilisation", () => _current.Types.Select(t =>
                new Measurement<double>(t.Limit == 0 ? 0 : (double)t.Active / t.Limit, new KeyValuePair<string, object?>("type", t.Type))),
            description: "Share of the type's slots in use, 0 to 1.");
        meter.CreateObservableGauge("masscampaign.calls.in_progress", CallsInProgress,
            description: "Calls not ended yet, across the cluster.");
    }

    public static void Publish(GaugeReadings readings) => _current = readings;

    private static IEnumerable<Measurement<long>> CallsInProgress() =>
        _current.CallsInProgress is { } calls ? [new Measurement<long>(calls)] : [];

    private static IEnumerable<Measurement<int>> PerType(Func<TypeGateReading, int> value) =>
        _current.Types.Select(t => new Measurement<int>(value(t), new KeyValuePair<string, object?>("type", t.Type)));
}

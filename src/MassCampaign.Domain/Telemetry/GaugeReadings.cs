namespace MassCampaign.Domain.Telemetry;

/// <summary>One refresh of the gauges' values; <see cref="CallsInProgress"/> is null until first read.</summary>
public sealed record GaugeReadings(IReadOnlyList<TypeGateReading> Types, long? CallsInProgress)
{
    public static GaugeReadings None { get; } = new([], null);
}

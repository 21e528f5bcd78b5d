using MassCampaign.Host.Tests.Lifecycle;

namespace MassCampaign.Host.Tests.Telemetry;

/// <summary>A host for the metrics tests, with the settings of <see cref="TelemetryCampaign"/>.</summary>
public sealed class MetricsHostFixture : LifecycleHostFixture
{
    protected override IDictionary<string, string?> Settings => TelemetryCampaign.HostSettings;
}

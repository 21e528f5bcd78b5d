namespace MassCampaign.Host.Tests.Telemetry;

/// <summary>
/// The meter is the process's, shared by every host a test process runs: tests that compare counts run alone, after
/// the parallel ones, so no other test's campaign moves the counters between their two scrapes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetricsCollection
{
    public const string Name = "Process-wide metrics";
}

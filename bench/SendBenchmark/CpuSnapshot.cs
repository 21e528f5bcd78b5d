using MassCampaign.Testing;

namespace SendBenchmark;

/// <summary>
/// CPU used so far by the host, by the PostgreSQL backends serving the run's database (other databases and servers on
/// the machine are not counted), and by this process, which runs the Simulator.
/// </summary>
public sealed record CpuSnapshot(TimeSpan Host, IReadOnlyDictionary<int, TimeSpan>? Backends, TimeSpan Bench)
{
    public static async Task<CpuSnapshot> TakeAsync(HostProcess host, DatabaseBackendCpu database) =>
        new(host.CpuTime(), await database.SnapshotAsync(), ProcessCpuTime.Of(Environment.ProcessId) ?? TimeSpan.Zero);

    public CpuUse Since(CpuSnapshot before) => new(
        (Host - before.Host).TotalSeconds,
        DatabaseBackendCpu.Between(before.Backends, Backends)?.TotalSeconds,
        (Bench - before.Bench).TotalSeconds);
}

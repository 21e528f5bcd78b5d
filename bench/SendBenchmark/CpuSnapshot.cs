using MassCampaign.Testing;

namespace SendBenchmark;

/// <summary>CPU seconds of the host, PostgreSQL and this process (the Simulator) at one moment.</summary>
public sealed record CpuSnapshot(double Host, double Postgres, double Bench)
{
    public static CpuSnapshot Take(int hostProcessId) =>
        new(Seconds(hostProcessId), ProcessCpuTime.OfProcessesNamed("postgres").TotalSeconds, Seconds(Environment.ProcessId));

    public static CpuSnapshot operator -(CpuSnapshot after, CpuSnapshot before) =>
        new(after.Host - before.Host, after.Postgres - before.Postgres, after.Bench - before.Bench);

    private static double Seconds(int processId) => (ProcessCpuTime.Of(processId) ?? TimeSpan.Zero).TotalSeconds;
}

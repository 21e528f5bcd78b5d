namespace SendBenchmark;

/// <summary>CPU seconds spent between two snapshots; PostgreSQL is null when its backends could not be read.</summary>
public sealed record CpuUse(double Host, double? Postgres, double Bench);

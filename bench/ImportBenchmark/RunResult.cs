namespace ImportBenchmark;

/// <summary>One import of one size into a fresh host.</summary>
/// <param name="HostCpu">CPU the host process used during the import.</param>
/// <param name="PostgresCpu">CPU the database's server backends used during the import (zero for a remote server).</param>
/// <param name="EndState">What the import left in the tables, read after the figures above.</param>
public sealed record RunResult(int Rows, TimeSpan Elapsed, TimeSpan HostCpu, TimeSpan PostgresCpu, long PeakResidentBytes, long Imported, long Duplicates, long Rejected, EndState EndState)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    /// <summary>Microseconds of CPU per row, host and database together: the cost, whatever else the machine runs.</summary>
    public double CpuMicrosecondsPerRow => (HostCpu + PostgresCpu).TotalMicroseconds / Rows;

    public double PeakMegabytes => PeakResidentBytes / (1024.0 * 1024.0);
}

namespace ImportBenchmark;

/// <summary>One bare COPY of the valid rows of an input of <paramref name="Rows"/> rows into a fresh database.</summary>
/// <param name="Written">The valid rows: what the import of the same input writes.</param>
/// <param name="PostgresCpu">CPU the database's server backends used from the first COPY to commit (zero for a remote server).</param>
public sealed record BareCopyResult(int Rows, int Written, TimeSpan Elapsed, TimeSpan PostgresCpu, EndState EndState)
{
    /// <summary>Counts the rows of the input, as the import's figure does, so the ratio of the two is a ratio of times.</summary>
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

using MassCampaign.Data.Schema;
using Npgsql;

namespace ImportBenchmark;

/// <summary>A database of its own for one run; the host creates and migrates it on start, the run drops it.</summary>
public sealed class BenchmarkDatabase(string server) : IAsyncDisposable
{
    public string Name { get; } = "mc_bench_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;

    /// <summary>Creates and migrates the database as the host does on start, for a run without a host.</summary>
    public void Migrate() => DatabaseMigrator.Migrate(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

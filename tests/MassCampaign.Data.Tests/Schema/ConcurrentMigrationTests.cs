using MassCampaign.Data.Schema;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Data.Tests.Schema;

/// <summary>Replicas of a new deployment start together and each migrates the same empty database.</summary>
public sealed class ConcurrentMigrationTests : IAsyncLifetime
{
    private readonly string _name = "mc_test_" + Guid.NewGuid().ToString("N")[..16];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = _name }.ConnectionString;
        // Created up front, as the deployment does: the race under test is the one over the migrations.
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresServer);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Hosts_migrating_one_database_at_once_all_start_and_apply_each_script_once()
    {
        using var start = new Barrier(4);
        var hosts = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            DatabaseMigrator.Migrate(_connectionString);
        }));

        await Task.WhenAll(hosts);

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var journal = new NpgsqlCommand("SELECT count(*), count(DISTINCT scriptname) FROM schemaversions", connection);
        await using var row = await journal.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        var (applied, distinct) = (row.GetInt64(0), row.GetInt64(1));
        Assert.Equal(distinct, applied);
        var scripts = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Count(name => name.EndsWith(".sql", StringComparison.Ordinal));
        Assert.Equal(scripts, applied);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresServer);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

using MassCampaign.Data.Schema;
using Npgsql;

namespace MassCampaign.Testing;

/// <summary>A fresh, fully migrated database of its own for one test class; dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string Name { get; } = "mc_test_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = Name };
        ConnectionString = builder.ConnectionString;
        DatabaseMigrator.Migrate(ConnectionString);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresServer);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace MassCampaign.Data.Schema;

/// <summary>Applies the ordered plain-SQL migrations of database/migrations, embedded in this assembly.</summary>
public static class DatabaseMigrator
{
    // Any fixed number: every host of every version must take the same lock.
    private const long MigrationLock = 0x4D43_4D49_4752;

    public static void Migrate(string connectionString, IUpgradeLog? log = null)
    {
        EnsureDatabase.For.PostgresqlDatabase(connectionString, log ?? new NoOpUpgradeLog());

        // The replicas of a deployment start together and each migrates: one at a time, so the first applies the
        // scripts and the others find them journaled. A session lock, on a connection of its own outside any pool.
        using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        lockConnection.Open();
        Run(lockConnection, "SELECT pg_advisory_lock(@key)");
        try
        {
            Upgrade(connectionString, log);
        }
        finally
        {
            Run(lockConnection, "SELECT pg_advisory_unlock(@key)");
        }
    }

    private static void Upgrade(string connectionString, IUpgradeLog? log)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(log ?? new NoOpUpgradeLog())
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration {result.ErrorScript?.Name ?? "(unknown)"} failed: {result.Error.Message}", result.Error);
        }
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", MigrationLock);
        command.ExecuteNonQuery();
    }
}

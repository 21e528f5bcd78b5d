using DbUp;
using DbUp.Engine.Output;

namespace MassCampaign.Data.Schema;

/// <summary>Applies the ordered plain-SQL migrations of database/migrations, embedded in this assembly.</summary>
public static class DatabaseMigrator
{
    public static void Migrate(string connectionString, IUpgradeLog? log = null)
    {
        EnsureDatabase.For.PostgresqlDatabase(connectionString, log ?? new NoOpUpgradeLog());

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
}

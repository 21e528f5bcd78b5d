using MassCampaign.Data.Schema;

namespace MassCampaign.Host;

/// <summary>Brings the schema up to date before the host serves anything (hosted services start before the server).</summary>
public sealed class DatabaseMigrationService(IConfiguration config, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        DatabaseMigrator.Migrate(config.GetConnectionString("Postgres")!);
        logger.LogInformation("Database schema is up to date");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

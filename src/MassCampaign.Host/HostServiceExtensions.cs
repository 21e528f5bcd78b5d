using MassCampaign.Host.Reporting;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassCampaign.Data.Sending;
using MassCampaign.Host.Campaigns;
using MassCampaign.Host.Contacts;
using MassCampaign.Host.Errors;
using MassCampaign.Host.OperatorConsole;
using MassCampaign.Host.Orleans;
using MassCampaign.Host.Security;
using MassCampaign.Host.Suppression;
using MassCampaign.Host.Telemetry;
using MassCampaign.Host.Webhooks;
using Microsoft.AspNetCore.Http.Json;
using Npgsql;
using StackExchange.Redis;

namespace MassCampaign.Host;

/// <summary>Service wiring and the HTTP pipeline of the host.</summary>
public static class HostServiceExtensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.Configure<ApiKeyOptions>(config.GetSection(ApiKeyOptions.Section));
        services.AddSingleton<ApiKeyValidator>();
        services.AddSingleton<ApiKeyEndpointFilter>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });

        var postgres = RequiredConnectionString(config, "Postgres");
        services.AddNpgsqlDataSourceSingleton(postgres);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectRedis(RequiredConnectionString(config, "Redis")));

        services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "postgres", tags: ["ready"])
            .AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis", tags: ["ready"]);

        services.AddCampaigns(config);
        services.AddContactImport(config);

        services.AddOpenApi();
        services.AddHostedService<DatabaseMigrationService>();
        builder.AddCampaignSilo();
        builder.AddMassCampaignTelemetry();
        services.AddSmsWebhooks(config);
        services.AddVoiceWebhooks();
        services.AddSuppression(config);
        services.AddSendPathData();
        services.AddHostedService<RecipientCountCompactor>();
        services.AddOperatorConsole();
    }

    public static void UseMassCampaignPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }

    private static void AddNpgsqlDataSourceSingleton(this IServiceCollection services, string connectionString) =>
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));

    private static IConnectionMultiplexer ConnectRedis(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start even when Redis is briefly away: readiness reports it, callers retry.
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }

    private static string RequiredConnectionString(IConfiguration config, string name) =>
        config.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"ConnectionStrings:{name} is not configured. Set it in local.settings.json or the environment (ConnectionStrings__{name}).");
}

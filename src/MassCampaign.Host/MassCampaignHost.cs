using MassCampaign.Host.Apis;
using MassCampaign.Host.Configuration;
using MassCampaign.Host.OperatorConsole;
using MassCampaign.Host.Telemetry;

namespace MassCampaign.Host;

/// <summary>Builds the whole process: configuration, services, the co-hosted silo and the HTTP surface.</summary>
public static class MassCampaignHost
{
    /// <param name="configure">Lets tests and benchmarks override configuration before services are built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddMassCampaignConfiguration(args);
        configure?.Invoke(builder);
        builder.AddApplicationServices();

        var app = builder.Build();
        app.UseMassCampaignPipeline();
        app.MapHealthApi();
        app.MapDocumentationApi();
        app.MapMassCampaignApis();
        app.MapMetricsEndpoint();
        app.UseOperatorConsole();
        return app;
    }
}

using MassCampaign.Domain.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MassCampaign.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the host: the "MassCampaign" meter with ASP.NET Core and HttpClient metrics, scraped at /metrics;
/// and, when an OTLP endpoint is configured, metrics and traces exported there.
/// </summary>
public static class TelemetryServiceExtensions
{
    /// <summary>Orleans' spans of grain calls: with them a request's trace continues into the grain it calls.</summary>
    private const string OrleansGrainCalls = "Microsoft.Orleans.Application";

    /// <summary>Call after the silo is added: the gauge refresher asks the gates, which needs the silo started.</summary>
    public static void AddMassCampaignTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().Bind(config.GetSection(TelemetryOptions.Section))
            .Validate(o => o.GaugeRefresh > TimeSpan.Zero, "Telemetry:GaugeRefresh must be positive.");
        var otlp = TelemetryOptions.OtlpEndpointIn(config);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(MassCampaignTelemetry.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MassCampaignTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    // Every scrape reads the counters afresh: two scrapes a moment apart must not share one answer.
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });

        // Spans cost CPU on the send path for every SMS, so they are only made when something receives them.
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(MassCampaignTelemetry.Name, OrleansGrainCalls)
                // Scrapes and probes come every few seconds and say nothing about campaigns.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http =>
                    !http.Request.Path.StartsWithSegments("/metrics") && !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(exporter => exporter.Endpoint = otlp));
        }

        services.AddHostedService<GaugeRefresher>();
    }
}

using MassCampaign.Host.Security;

namespace MassCampaign.Host.Telemetry;

public static class MetricsEndpoint
{
    /// <summary>
    /// The Prometheus scrape at /metrics, behind the API key like the operator API (a scraper sends it in the
    /// x-functions-key header, or as ?code=). SMS/s and receipts/s are rates of its counters.
    /// </summary>
    public static void MapMetricsEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").AddEndpointFilter<IEndpointConventionBuilder, ApiKeyEndpointFilter>();
}

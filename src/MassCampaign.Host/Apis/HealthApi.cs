using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MassCampaign.Host.Apis;

public static class HealthApi
{
    /// <summary>Liveness answers while the process runs; readiness needs PostgreSQL and Redis. Both are open.</summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).ExcludeFromDescription();
    }
}

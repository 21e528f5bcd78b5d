using System.Net;
using MassCampaign.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace MassCampaign.Host.Tests.Telemetry;

/// <summary>Traces are made and exported only when an OTLP endpoint is configured; the scrape works either way.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_the_host_traces_and_still_serves_the_scrape()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317",
        });

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        using var scrape = await host.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
    }

    [Fact]
    public async Task Without_an_endpoint_no_tracer_listens()
    {
        await using var host = await RunningHost.StartAsync();

        Assert.Null(host.Services.GetService<TracerProvider>());
        using var scrape = await host.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
    }
}

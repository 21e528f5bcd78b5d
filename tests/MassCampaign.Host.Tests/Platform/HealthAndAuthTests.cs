using System.Net;
using System.Net.Http.Json;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Platform;

public sealed class HealthAndAuthTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Liveness_answers_without_a_key()
    {
        var response = await Host.AnonymousClient.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_checks_postgres_and_redis_and_answers_without_a_key()
    {
        var response = await Host.AnonymousClient.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Openapi_document_and_docs_page_are_served()
    {
        var document = await Host.AnonymousClient.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());

        var docs = await Host.AnonymousClient.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.MediaType);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>GET /api/campaign-types: each type gate's limit, and which campaigns run and wait, as they start and end.</summary>
public sealed class CampaignTypesApiTests(CampaignTypesApiTests.OneSmsSlot fixture) : IClassFixture<CampaignTypesApiTests.OneSmsSlot>
{
    private LifecycleHost Lifecycle => fixture.Lifecycle;

    [Fact]
    public async Task Each_type_lists_its_limit_with_the_campaigns_that_run_and_those_that_wait()
    {
        var idle = await TypesAsync();
        Assert.Equal(["sms", "voice"], idle.Select(type => type.GetProperty("type").GetString()));
        AssertGate(idle[0], limit: 1, active: [], queued: []);
        AssertGate(idle[1], limit: 3, active: [], queued: []);

        var running = await Lifecycle.Seed.SmsCampaignAsync(recipients: 1000);
        var waiting = await Lifecycle.Seed.SmsCampaignAsync(recipients: 120);
        (await Lifecycle.CommandAsync(running.Id, "start")).Dispose();
        (await Lifecycle.CommandAsync(waiting.Id, "start")).Dispose();

        var busy = await TypesAsync();
        AssertGate(busy[0], limit: 1, active: [running.Id], queued: [waiting.Id]);
        AssertGate(busy[1], limit: 3, active: [], queued: []);

        (await Lifecycle.CommandAsync(running.Id, "stop")).Dispose();

        var handedOn = await TypesAsync();
        AssertGate(handedOn[0], limit: 1, active: [waiting.Id], queued: []);
        await Lifecycle.WaitForStatusAsync(waiting.Id, s => s.RuntimeStatus == "Completed", "the queued campaign runs to the end");
        var done = await Eventually.Until(TypesAsync, types => types[0].GetProperty("active").GetArrayLength() == 0,
            "the finished campaign gives its slot back");
        AssertGate(done[0], limit: 1, active: [], queued: []);
    }

    [Fact]
    public async Task The_gates_are_behind_the_api_key()
    {
        using var response = await Lifecycle.Host.AnonymousClient.GetAsync("/api/campaign-types");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_route_is_in_the_openapi_document()
    {
        var document = await Lifecycle.Host.AnonymousClient.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/campaign-types", out var path));
        Assert.True(path.TryGetProperty("get", out _));
    }

    private async Task<JsonElement[]> TypesAsync()
    {
        var body = await Lifecycle.Client.GetFromJsonAsync<JsonElement>("/api/campaign-types");
        return [.. body.EnumerateArray()];
    }

    private static void AssertGate(JsonElement gate, int limit, Guid[] active, Guid[] queued)
    {
        Assert.Equal(limit, gate.GetProperty("limit").GetInt32());
        Assert.Equal(active, gate.GetProperty("active").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal(queued, gate.GetProperty("queued").EnumerateArray().Select(id => id.GetGuid()));
    }

    public sealed class OneSmsSlot : LifecycleHostFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["massCampaign:concurrency:sms"] = "1",
            ["massCampaign:concurrency:voice"] = "3",
            ["massCampaign:sendPath:batchSize"] = "10",
            ["massCampaign:sendPath:maxBatchesInFlight"] = "2",
            ["massCampaign:rateLimits:smsRequestsPerSecond"] = "60",
        };
    }
}

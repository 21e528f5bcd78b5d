using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassCampaign.Simulator.Control;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>
/// <c>POST /v1/calls</c> bodies are checked as Vonage checks them (400 naming each bad field), and call creation is
/// held to the configured calls per second (429, not queued, VONAGE.md §6.7).
/// </summary>
public sealed class VoiceCallRequestTests : IAsyncLifetime
{
    private VoiceTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await VoiceTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData("no to", "to")]
    [InlineData("number with plus", "to.number")]
    [InlineData("sip endpoint", "to")]
    [InlineData("no from", "from")]
    [InlineData("no answer url", "answer_url")]
    [InlineData("relative event url", "event_url")]
    [InlineData("answer method PUT", "answer_method")]
    [InlineData("unknown detection mode", "advanced_machine_detection.mode")]
    [InlineData("beep timeout too short", "advanced_machine_detection.beep_timeout")]
    [InlineData("ringing timer too long", "ringing_timer")]
    [InlineData("machine detection maybe", "machine_detection")]
    public async Task A_bad_body_is_refused_naming_the_field(string fault, string field)
    {
        var body = _bed.CallBody("447700900020");
        switch (fault)
        {
            case "no to": body.Remove("to"); break;
            case "number with plus": body["to"]![0]!["number"] = "+447700900020"; break;
            case "sip endpoint": body["to"] = new JsonArray(new JsonObject { ["type"] = "sip", ["uri"] = "sip:a@b" }); break;
            case "no from": body.Remove("from"); break;
            case "no answer url": body.Remove("answer_url"); break;
            case "relative event url": body["event_url"] = new JsonArray("/event"); break;
            case "answer method PUT": body["answer_method"] = "PUT"; break;
            case "unknown detection mode": body["advanced_machine_detection"] = new JsonObject { ["behavior"] = "continue", ["mode"] = "guess" }; break;
            case "beep timeout too short": body["advanced_machine_detection"] = new JsonObject { ["mode"] = "detect_beep", ["beep_timeout"] = 10 }; break;
            case "ringing timer too long": body["ringing_timer"] = 121; break;
            default: body["machine_detection"] = "maybe"; break;
        }

        using var response = await _bed.SendAsync(HttpMethod.Post, "v1/calls", body);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var invalid = problem.RootElement.GetProperty("invalid_parameters").EnumerateArray().ToList();
        var named = Assert.Single(invalid, p => p.GetProperty("name").GetString() == field);
        Assert.False(string.IsNullOrWhiteSpace(named.GetProperty("reason").GetString()));
        Assert.Equal(0, _bed.Simulator.GetStats().CallsCreated);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/calls") { Content = new StringContent("to=447700900021", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", _bed.Jwt());

        using var response = await _bed.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_parameters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_inline_ncco_stands_in_for_the_answer_url()
    {
        var body = _bed.CallBody("447700900022");
        body.Remove("answer_url");
        body["ncco"] = new JsonArray(new JsonObject { ["action"] = "talk", ["text"] = "Inline hello" });

        var uuid = await _bed.CreateCallAsync(body);
        await _bed.Host.EventsUntilAsync(uuid, "completed");

        Assert.DoesNotContain(_bed.Host.Received, r => r.Path == "/answer");
        Assert.Equal("Inline hello", _bed.Simulator.GetStats().NccoByRecipient["+447700900022"][0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Calls_over_the_configured_rate_are_refused_429_and_not_created()
    {
        _bed.Simulator.Configure(new SimulatorSettingsUpdate { Voice = new VoiceSettingsUpdate { CallsPerSecond = 2 } });

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await _bed.SendAsync(HttpMethod.Post, "v1/calls", _bed.CallBody($"4477009001{i:00}"));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var throttled = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        // Eight at once fill one second's two, or two seconds' when they straddle a boundary.
        Assert.InRange(created, 2, 4);
        Assert.Equal(8, created + throttled.Count);
        Assert.All(throttled, r => Assert.EndsWith("#throttled", JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()));
        var stats = _bed.Simulator.GetStats();
        Assert.Equal(created, stats.CallsCreated);
        Assert.Equal(throttled.Count, stats.CallsThrottled);
        Assert.Equal(created, stats.CallsByRecipient.Values.Sum());
        Assert.InRange(stats.MaxCallsCreatedInAnySecond, 1, 2);
    }

    [Fact]
    public async Task A_steady_rate_within_the_limit_is_never_throttled()
    {
        _bed.Simulator.Configure(new SimulatorSettingsUpdate { Voice = new VoiceSettingsUpdate { CallsPerSecond = 3 } });

        for (var i = 0; i < 6; i++)
        {
            await _bed.CreateCallAsync($"4477009002{i:00}");
            await Task.Delay(TimeSpan.FromMilliseconds(400));
        }

        var stats = _bed.Simulator.GetStats();
        Assert.Equal((6L, 0L), (stats.CallsCreated, stats.CallsThrottled));
        Assert.InRange(stats.MaxCallsCreatedInAnySecond, 1, 3);
    }
}

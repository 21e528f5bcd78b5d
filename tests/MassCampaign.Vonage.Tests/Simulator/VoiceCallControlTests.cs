using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassCampaign.Simulator.Control;
using MassCampaign.Simulator.Voice;
using MassCampaign.Vonage.Tests.Support;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>A call can be hung up and read back (VONAGE.md §6.3), and <c>/_sim/reset</c> forgets calls and voice stats.</summary>
public sealed class VoiceCallControlTests : IAsyncLifetime
{
    private static readonly JsonObject HangUp = new() { ["action"] = "hangup" };

    private VoiceTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await VoiceTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Hanging_up_an_answered_call_stops_its_ncco_and_posts_completed()
    {
        // A greeting of ~40 characters at 1 s each: the call is still talking when it is hung up.
        _bed.Simulator.Configure(new SimulatorSettingsUpdate { Voice = new VoiceSettingsUpdate { TalkMsPerChar = 1_000 } });
        var uuid = await _bed.CreateCallAsync("447700900050");
        await _bed.Host.EventsUntilAsync(uuid, "answered");
        await Eventually.Holds(() => _bed.Simulator.GetStats().NccoByRecipient.ContainsKey("+447700900050"));

        using var response = await _bed.SendAsync(HttpMethod.Put, $"v1/calls/{uuid}", HangUp);
        var events = await _bed.Host.EventsUntilAsync(uuid, "completed");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("started,ringing,answered,completed", string.Join(',', events.Select(e => e.Field("status"))));
        Assert.DoesNotContain(_bed.Host.Received, r => r.Path == "/input");
        await Eventually.Holds(() => _bed.Simulator.GetStats().CallsInProgress == 0);
        using var again = await _bed.SendAsync(HttpMethod.Put, $"v1/calls/{uuid}", HangUp);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Hanging_up_a_ringing_call_completes_it_with_no_duration()
    {
        _bed.Simulator.Configure(new SimulatorSettingsUpdate { Voice = new VoiceSettingsUpdate { AnswerDelayMs = 30_000 } });
        var uuid = await _bed.CreateCallAsync("447700900051");
        await _bed.Host.EventsUntilAsync(uuid, "ringing");

        using var response = await _bed.SendAsync(HttpMethod.Put, $"v1/calls/{uuid}", HangUp);
        var events = await _bed.Host.EventsUntilAsync(uuid, "completed");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("started,ringing,completed", string.Join(',', events.Select(e => e.Field("status"))));
        Assert.Equal(("0", "0.0000"), (events[^1].Field("duration"), events[^1].Field("price")));
    }

    [Fact]
    public async Task Hanging_up_an_unknown_call_is_not_found()
    {
        using var response = await _bed.SendAsync(HttpMethod.Put, $"v1/calls/{Guid.NewGuid()}", HangUp);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_action_other_than_hangup_is_refused()
    {
        var uuid = await _bed.CreateCallAsync("447700900052");

        using var response = await _bed.SendAsync(HttpMethod.Put, $"v1/calls/{uuid}", new JsonObject { ["action"] = "mute" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_finished_call_reads_back_with_its_latest_status_times_and_price()
    {
        var uuid = await _bed.CreateCallAsync("447700900053");
        var events = await _bed.Host.EventsUntilAsync(uuid, "completed");

        using var response = await _bed.SendAsync(HttpMethod.Get, $"v1/calls/{uuid}");
        var call = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(uuid, call.GetProperty("uuid").GetString());
        Assert.Equal(events[0].Field("conversation_uuid"), call.GetProperty("conversation_uuid").GetString());
        Assert.Equal(("completed", "outbound"), (call.GetProperty("status").GetString(), call.GetProperty("direction").GetString()));
        Assert.Equal(("phone", "447700900053"), (call.GetProperty("to").GetProperty("type").GetString(), call.GetProperty("to").GetProperty("number").GetString()));
        Assert.Equal("447700900000", call.GetProperty("from").GetProperty("number").GetString());
        var completed = events[^1];
        Assert.Equal(completed.Field("start_time"), call.GetProperty("start_time").GetString());
        Assert.Equal(completed.Field("end_time"), call.GetProperty("end_time").GetString());
        Assert.Equal(completed.Field("duration"), call.GetProperty("duration").GetString());
        Assert.Equal(completed.Field("price"), call.GetProperty("price").GetString());
        Assert.Equal("0.01", call.GetProperty("rate").GetString());
    }

    [Fact]
    public async Task A_ringing_call_reads_back_as_ringing_with_no_end_yet()
    {
        _bed.Simulator.Configure(new SimulatorSettingsUpdate { Voice = new VoiceSettingsUpdate { AnswerDelayMs = 30_000 } });
        var uuid = await _bed.CreateCallAsync("447700900054");
        await _bed.Host.EventsUntilAsync(uuid, "ringing");

        using var response = await _bed.SendAsync(HttpMethod.Get, $"v1/calls/{uuid}");
        var call = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("ringing", call.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, call.GetProperty("end_time").ValueKind);
        Assert.Equal(JsonValueKind.Null, call.GetProperty("duration").ValueKind);
        Assert.Equal(1, _bed.Simulator.GetStats().CallsInProgress);
    }

    [Fact]
    public async Task Reading_an_unknown_call_is_not_found()
    {
        using var response = await _bed.SendAsync(HttpMethod.Get, $"v1/calls/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Reset_forgets_calls_and_voice_stats_and_ends_calls_in_progress_silently()
    {
        var finished = await _bed.CreateCallAsync("447700900055");
        await _bed.Host.EventsUntilAsync(finished, "completed");
        _bed.Simulator.Configure(new SimulatorSettingsUpdate { Voice = new VoiceSettingsUpdate { AnswerDelayMs = 30_000 } });
        var ringing = await _bed.CreateCallAsync("447700900056");
        await _bed.Host.EventsUntilAsync(ringing, "ringing");

        using var reset = await _bed.Http.PostAsync("_sim/reset", null);
        await Task.Delay(200);

        var stats = _bed.Simulator.GetStats();
        Assert.Equal((0L, 0L, 0L, 0L), (stats.CallsCreated, stats.TotalCalls, stats.CallsInProgress, stats.MaxConcurrentCalls));
        Assert.Empty(stats.CallsByRecipient);
        Assert.Empty(stats.NccoByRecipient);
        Assert.Equal(new CallOutcomeCounts(0, 0, 0, 0, 0), stats.CallOutcomes);
        Assert.Equal(["started", "ringing"], _bed.Host.EventsOf(ringing).Select(e => e.Field("status")));
        using var read = await _bed.SendAsync(HttpMethod.Get, $"v1/calls/{finished}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(30_000, _bed.Simulator.Settings.Voice.AnswerDelayMs);
    }
}

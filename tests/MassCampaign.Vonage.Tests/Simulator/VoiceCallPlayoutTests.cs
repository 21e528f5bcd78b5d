using System.Text.Json.Nodes;
using MassCampaign.Simulator.Control;
using MassCampaign.Vonage.Tests.Support;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>
/// A created call plays out to the host as Vonage reports it (VONAGE.md §6.4–6.6): the event sequence of each outcome,
/// the NCCO fetched from the answer URL and played, keys posted to the input's eventUrl, machine detection.
/// </summary>
public sealed class VoiceCallPlayoutTests : IAsyncLifetime
{
    private VoiceTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await VoiceTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData("busy", "started,ringing,busy")]
    [InlineData("noAnswer", "started,ringing,timeout")]
    [InlineData("failed", "started,ringing,failed")]
    [InlineData("human", "started,ringing,answered,completed")]
    [InlineData("machine", "started,ringing,answered,completed")]
    public async Task Each_forced_outcome_posts_its_event_sequence_and_nothing_after_the_final_event(string outcome, string sequence)
    {
        const string number = "447700900001";
        Force(outcome: (number, outcome));

        var uuid = await _bed.CreateCallAsync(number);
        var final = sequence.Split(',')[^1];
        await _bed.Host.EventsUntilAsync(uuid, final);
        await Eventually.Holds(() => _bed.Simulator.GetStats().CallsInProgress == 0);

        var events = _bed.Host.EventsOf(uuid);
        Assert.Equal(sequence, string.Join(',', events.Select(e => e.Field("status"))));
        Assert.All(events, e =>
        {
            Assert.Equal((number, "447700900000", "outbound"), (e.Field("to"), e.Field("from"), e.Field("direction")));
            Assert.StartsWith("CON-", e.Field("conversation_uuid"));
            Assert.EndsWith("Z", e.Field("timestamp"));
        });
        var stats = _bed.Simulator.GetStats();
        Assert.Equal(1, stats.CallsByRecipient["+" + number]);
        Assert.Equal(1, outcome switch
        {
            "busy" => stats.CallOutcomes.Busy,
            "noAnswer" => stats.CallOutcomes.NoAnswer,
            "failed" => stats.CallOutcomes.Failed,
            "human" => stats.CallOutcomes.Human,
            _ => stats.CallOutcomes.Machine,
        });
        if (outcome == "failed")
        {
            Assert.Equal("cannot_route", events[^1].Field("detail"));
        }
    }

    [Fact]
    public async Task A_human_hears_the_ncco_fetched_for_their_number_and_the_summary_is_priced()
    {
        var first = await _bed.CreateCallAsync("447700900030");
        var second = await _bed.CreateCallAsync("447700900031");
        var events = await _bed.Host.EventsUntilAsync(first, "completed");
        await _bed.Host.EventsUntilAsync(second, "completed");

        var answer = Assert.Single(_bed.Host.Received, r => r.Path == "/answer" && r.Field("uuid") == first);
        Assert.Equal("GET", answer.Method);
        Assert.Equal(["to", "from", "uuid", "conversation_uuid"], answer.Query.Select(q => q.Key));
        Assert.Equal(("447700900030", "447700900000"), (answer.Field("to"), answer.Field("from")));
        Assert.Equal(events[0].Field("conversation_uuid"), answer.Field("conversation_uuid"));
        var heard = _bed.Simulator.GetStats().NccoByRecipient;
        Assert.Equal(VoiceWebhookReceiver.Greeting("447700900030"), heard["+447700900030"][0].GetProperty("text").GetString());
        Assert.Equal(VoiceWebhookReceiver.Greeting("447700900031"), heard["+447700900031"][0].GetProperty("text").GetString());
        var answered = Assert.Single(events, e => e.Field("status") == "answered");
        Assert.NotNull(answered.Field("start_time"));
        var completed = events[^1];
        Assert.Equal(answered.Field("start_time"), completed.Field("start_time"));
        Assert.NotNull(completed.Field("end_time"));
        Assert.True(int.TryParse(completed.Field("duration"), out _), "duration is a string of whole seconds");
        Assert.Equal("0.01", completed.Field("rate"));
        Assert.Matches(@"^\d+\.\d{4}$", completed.Field("price"));
        Assert.False(string.IsNullOrEmpty(completed.Field("network")));
    }

    [Fact]
    public async Task The_key_a_number_presses_is_posted_to_the_inputs_event_url_and_counted()
    {
        Force(dtmf: ("447700900032", "9"));
        _bed.Simulator.Configure(new SimulatorSettingsUpdate { Voice = new VoiceSettingsUpdate { Dtmf = new Dictionary<string, double> { ["1"] = 1.0 } } });

        var forced = await _bed.CreateCallAsync("447700900032");
        var drawn = await _bed.CreateCallAsync("447700900033");
        await _bed.Host.EventsUntilAsync(forced, "completed");
        await _bed.Host.EventsUntilAsync(drawn, "completed");

        var input = Assert.Single(_bed.Host.Received, r => r.Path == "/input" && r.Field("uuid") == forced);
        Assert.Equal("POST", input.Method);
        var dtmf = input.Json.GetProperty("dtmf");
        Assert.Equal("9", dtmf.GetProperty("digits").GetString());
        Assert.False(dtmf.GetProperty("timed_out").GetBoolean());
        Assert.Equal(("447700900032", "447700900000"), (input.Field("to"), input.Field("from")));
        Assert.NotNull(input.Field("conversation_uuid"));
        Assert.NotNull(input.Field("timestamp"));
        var pressed = _bed.Simulator.GetStats().DtmfByRecipient;
        Assert.Equal("9", pressed["+447700900032"]);
        Assert.Equal("1", pressed["+447700900033"]);
    }

    [Fact]
    public async Task A_human_who_presses_nothing_times_out_and_no_key_is_counted()
    {
        var uuid = await _bed.CreateCallAsync("447700900034");
        await _bed.Host.EventsUntilAsync(uuid, "completed");

        var input = Assert.Single(_bed.Host.Received, r => r.Path == "/input" && r.Field("uuid") == uuid);
        Assert.Equal("", input.Json.GetProperty("dtmf").GetProperty("digits").GetString());
        Assert.True(input.Json.GetProperty("dtmf").GetProperty("timed_out").GetBoolean());
        Assert.DoesNotContain("+447700900034", _bed.Simulator.GetStats().DtmfByRecipient.Keys);
    }

    [Fact]
    public async Task A_machine_found_by_beep_detection_is_reported_with_call_uuid_and_hears_the_message_but_presses_nothing()
    {
        Force(outcome: ("447700900035", "machine"), dtmf: ("447700900035", "1"));
        var body = _bed.CallBody("447700900035");
        body["advanced_machine_detection"] = new JsonObject { ["behavior"] = "continue", ["mode"] = "detect_beep", ["beep_timeout"] = 45 };

        var uuid = await _bed.CreateCallAsync(body);
        var events = await _bed.Host.EventsUntilAsync(uuid, "completed");

        Assert.Equal("started,ringing,answered,machine,completed", string.Join(',', events.Select(e => e.Field("status"))));
        var machine = events[3];
        Assert.Equal(uuid, machine.Field("call_uuid"));
        Assert.Null(machine.Field("uuid"));
        Assert.Equal("beep_start", machine.Field("sub_state"));
        Assert.Contains("+447700900035", _bed.Simulator.GetStats().NccoByRecipient.Keys);
        Assert.DoesNotContain(_bed.Host.Received, r => r.Path == "/input");
    }

    [Fact]
    public async Task A_machine_is_hung_up_on_when_detection_says_hangup()
    {
        Force(outcome: ("447700900036", "machine"));
        var body = _bed.CallBody("447700900036");
        body["advanced_machine_detection"] = new JsonObject { ["behavior"] = "hangup", ["mode"] = "detect" };

        var uuid = await _bed.CreateCallAsync(body);
        var events = await _bed.Host.EventsUntilAsync(uuid, "completed");

        Assert.Equal("started,ringing,answered,machine,completed", string.Join(',', events.Select(e => e.Field("status"))));
        Assert.Null(events[3].Field("sub_state"));
        Assert.DoesNotContain("+447700900036", _bed.Simulator.GetStats().NccoByRecipient.Keys);
    }

    [Fact]
    public async Task A_human_found_by_plain_machine_detection_is_reported_as_human()
    {
        var body = _bed.CallBody("447700900037");
        body["machine_detection"] = "continue";

        var uuid = await _bed.CreateCallAsync(body);
        var events = await _bed.Host.EventsUntilAsync(uuid, "completed");

        Assert.Equal("started,ringing,answered,human,completed", string.Join(',', events.Select(e => e.Field("status"))));
        Assert.Equal(uuid, events[3].Field("call_uuid"));
        Assert.Single(_bed.Host.Received, r => r.Path == "/input");
    }

    [Fact]
    public async Task The_answer_url_is_posted_json_when_answer_method_is_post()
    {
        var body = _bed.CallBody("447700900038");
        body["answer_method"] = "POST";

        var uuid = await _bed.CreateCallAsync(body);
        await _bed.Host.EventsUntilAsync(uuid, "completed");

        var answer = Assert.Single(_bed.Host.Received, r => r.Path == "/answer");
        Assert.Equal("POST", answer.Method);
        Assert.Equal(["to", "from", "uuid", "conversation_uuid"], answer.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(uuid, answer.Field("uuid"));
    }

    [Fact]
    public async Task An_answer_url_that_fails_ends_the_call_failed_then_completed()
    {
        var body = _bed.CallBody("447700900039");
        body["answer_url"] = new JsonArray(_bed.Host.Url("broken").AbsoluteUri);

        var uuid = await _bed.CreateCallAsync(body);
        var events = await _bed.Host.EventsUntilAsync(uuid, "completed");

        Assert.Equal("started,ringing,answered,failed,completed", string.Join(',', events.Select(e => e.Field("status"))));
        Assert.DoesNotContain("+447700900039", _bed.Simulator.GetStats().NccoByRecipient.Keys);
    }

    [Fact]
    public async Task An_event_the_host_refuses_for_a_moment_is_posted_again()
    {
        _bed.Host.EventStatus = n => n < 2 ? 503 : 200;

        var uuid = await _bed.CreateCallAsync("447700900040");
        var events = await _bed.Host.EventsUntilAsync(uuid, "completed");

        Assert.Equal("started,started,started,ringing,answered,completed", string.Join(',', events.Select(e => e.Field("status"))));
    }

    [Fact]
    public async Task Calls_ringing_at_the_same_time_are_counted_at_their_peak()
    {
        _bed.Simulator.Configure(new SimulatorSettingsUpdate { Voice = new VoiceSettingsUpdate { AnswerDelayMs = 500, CallsPerSecond = 10 } });

        var uuids = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => _bed.CreateCallAsync($"4477009004{i + 1:00}")));
        Assert.Equal(3, _bed.Simulator.GetStats().CallsInProgress);
        foreach (var uuid in uuids)
        {
            await _bed.Host.EventsUntilAsync(uuid, "completed");
        }

        await Eventually.Holds(() => _bed.Simulator.GetStats().CallsInProgress == 0);
        Assert.Equal(3, _bed.Simulator.GetStats().MaxConcurrentCalls);
    }

    private void Force((string Number, string Outcome)? outcome = null, (string Number, string Keys)? dtmf = null) =>
        _bed.Simulator.Configure(new SimulatorSettingsUpdate
        {
            Voice = new VoiceSettingsUpdate
            {
                OutcomeByNumber = outcome is { } o ? new Dictionary<string, string> { [o.Number] = o.Outcome } : null,
                DtmfByNumber = dtmf is { } d ? new Dictionary<string, string> { [d.Number] = d.Keys } : null,
            },
        });
}

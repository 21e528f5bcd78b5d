using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Simulator.Control;
using MassCampaign.Vonage.Tests.Support;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>The <c>voice</c> knobs of <c>/_sim/config</c>: defaults, partial updates, validation, and the mix they draw.</summary>
public sealed class VoiceConfigTests
{
    [Fact]
    public async Task A_fresh_simulator_shows_the_default_voice_knobs()
    {
        await using var simulator = await SimulatorStart.OnFreePortAsync();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var config = JsonDocument.Parse(await http.GetStringAsync("_sim/config"));

        var voice = config.RootElement.GetProperty("voice");
        Assert.Equal(0.6, voice.GetProperty("human").GetDouble());
        Assert.Equal(0.2, voice.GetProperty("machine").GetDouble());
        Assert.Equal(0.1, voice.GetProperty("busy").GetDouble());
        Assert.Equal(0.1, voice.GetProperty("noAnswer").GetDouble());
        Assert.Equal(0, voice.GetProperty("failed").GetDouble());
        Assert.Empty(voice.GetProperty("dtmf").EnumerateObject());
        Assert.Equal((300, 2, 3), (voice.GetProperty("answerDelayMs").GetInt32(), voice.GetProperty("talkMsPerChar").GetInt32(), voice.GetProperty("callsPerSecond").GetInt32()));
        Assert.Empty(voice.GetProperty("outcomeByNumber").EnumerateObject());
        Assert.Empty(voice.GetProperty("dtmfByNumber").EnumerateObject());
    }

    [Fact]
    public async Task A_partial_voice_update_changes_only_the_knobs_given_and_checks_shares_merged()
    {
        await using var simulator = await SimulatorStart.OnFreePortAsync();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var tooMuch = await http.PostAsJsonAsync("_sim/config", new { voice = new { busy = 0.5 } });
        using var rebalanced = await http.PostAsJsonAsync("_sim/config", new
        {
            voice = new { human = 0.2, busy = 0.5, dtmf = new Dictionary<string, double> { ["1"] = 0.3, ["#"] = 0.05 }, outcomeByNumber = new Dictionary<string, string> { ["447700900070"] = "busy" } },
        });
        using var config = JsonDocument.Parse(await rebalanced.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("add up to", await tooMuch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, rebalanced.StatusCode);
        var voice = simulator.Settings.Voice;
        Assert.Equal((0.2, 0.2, 0.5, 0.1), (voice.Human, voice.Machine, voice.Busy, voice.NoAnswer));
        Assert.Equal(0.05, voice.Dtmf["#"]);
        Assert.Equal(300, voice.AnswerDelayMs);
        Assert.Equal(0.5, config.RootElement.GetProperty("voice").GetProperty("busy").GetDouble());
    }

    [Theory]
    [InlineData("""{"voice":{"machine":1.5}}""", "voice.machine")]
    [InlineData("""{"voice":{"dtmf":{"12":0.1}}}""", "voice.dtmf")]
    [InlineData("""{"voice":{"dtmf":{"1":0.7,"2":0.6}}}""", "voice.dtmf")]
    [InlineData("""{"voice":{"callsPerSecond":0}}""", "voice.callsPerSecond")]
    [InlineData("""{"voice":{"answerDelayMs":-1}}""", "voice.answerDelayMs")]
    [InlineData("""{"voice":{"outcomeByNumber":{"447700900071":"voicemail"}}}""", "voice.outcomeByNumber")]
    [InlineData("""{"voice":{"dtmfByNumber":{"447700900071":"x"}}}""", "voice.dtmfByNumber")]
    public async Task A_bad_voice_knob_is_refused_as_a_validation_problem(string json, string mentions)
    {
        await using var simulator = await SimulatorStart.OnFreePortAsync();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var response = await http.PostAsync("_sim/config", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.RootElement.GetProperty("errors").GetProperty("config").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains(mentions, StringComparison.Ordinal));
        Assert.Equal(3, simulator.Settings.Voice.CallsPerSecond);
        Assert.Equal(0.2, simulator.Settings.Voice.Machine);
    }

    [Fact]
    public void A_forced_number_may_be_given_with_a_plus()
    {
        var update = new VoiceSettingsUpdate { OutcomeByNumber = new Dictionary<string, string> { ["+447700900072"] = "noAnswer" } };

        var voice = update.ApplyTo(new());

        Assert.Empty(update.Validate(new()));
        Assert.Equal("noAnswer", voice.OutcomeByNumber["447700900072"]);
    }

    [Theory]
    [InlineData("busy", "busy")]
    [InlineData("noAnswer", "timeout")]
    [InlineData("failed", "failed")]
    public async Task A_share_of_one_makes_every_call_that_outcome(string outcome, string finalStatus)
    {
        await using var bed = await VoiceTestBed.StartAsync();
        var shares = new VoiceSettingsUpdate
        {
            Human = 0, Machine = 0, Busy = outcome == "busy" ? 1 : 0, NoAnswer = outcome == "noAnswer" ? 1 : 0, Failed = outcome == "failed" ? 1 : 0,
        };
        bed.Simulator.Configure(new SimulatorSettingsUpdate { Voice = shares });

        var uuids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            uuids.Add(await bed.CreateCallAsync($"4477009008{i:00}"));
        }

        foreach (var uuid in uuids)
        {
            Assert.Equal(finalStatus, (await bed.Host.EventsUntilAsync(uuid, finalStatus))[^1].Field("status"));
        }
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Voice;

/// <summary>
/// The voice gate admits five voice or hybrid campaigns and queues the sixth, while SMS campaigns pass through their
/// own gate as if no call were being made.
/// </summary>
[Collection(nameof(VoiceCampaignTests))]
public sealed class VoiceGateIndependenceTests
{
    [Fact]
    public async Task Five_running_voice_campaigns_do_not_delay_an_sms_campaign_and_a_sixth_waits()
    {
        await using var host = await VoiceHost.StartAsync(20);
        // Calls that ring for a long while keep the voice campaigns running through the whole test.
        await host.ConfigureSimulatorAsync(new { voice = new { answerDelayMs = 60_000 } });
        var voiceSettings = new { voice = new { maxConcurrentCalls = 2 } };
        var voice = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var phones = Enumerable.Range(24_000 + (i * 10), 10).Select(TestPhoneNumbers.Us).ToArray();
            voice.Add(await host.CreateAsync(VoiceHost.Campaign("voice", "Hello {{first_name}}.", voiceSettings), phones));
        }

        foreach (var id in voice)
        {
            await host.Api.StartAsync(id);
        }

        var gate = await WaitForVoiceGateAsync(host, g => g.Active == 5 && g.Queued == 1);
        Assert.Equal(voice[..5].Order(), gate.ActiveIds.Order());
        Assert.Equal([voice[5]], gate.QueuedIds);
        var sixth = await host.StatusAsync(voice[5]);
        Assert.Equal("queued", sixth.Phase);

        var smsPhones = Enumerable.Range(25_000, 200).Select(TestPhoneNumbers.Us).ToArray();
        var sms = await host.CreateAsync(new
        {
            name = "sms beside calls", type = "sms", smsTemplate = "Hi {{first_name}}", from = "Acme",
            callingWindow = new { start = "00:00", end = "23:59", timeZone = "UTC" },
        }, smsPhones);
        var watch = Stopwatch.StartNew();
        await host.Api.StartAsync(sms);
        var started = await host.StatusAsync(sms);
        Assert.NotEqual("queued", started.Phase);
        Assert.Equal(JsonValueKind.Null, started.Custom.GetProperty("queuePosition").ValueKind);
        await host.WaitForStatusAsync(sms, s => s.RuntimeStatus == "Completed", "the SMS campaign completes", TimeSpan.FromSeconds(60));
        watch.Stop();

        // 200 SMS at the default 30/s take about 7 s, more on a loaded machine. Had the SMS campaign waited behind the
        // voice gate, it would have waited for a call to end: 60 s of ringing.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(50), $"the SMS campaign took {watch.Elapsed.TotalSeconds:0.0} s beside five voice campaigns");
        var texted = (await host.SimulatorStatsAsync()).GetProperty("smsByRecipient");
        Assert.All(smsPhones, p => Assert.True(texted.TryGetProperty(p, out _), $"{p} was not texted"));
        gate = await WaitForVoiceGateAsync(host, g => g.Active == 5);
        Assert.Equal([voice[5]], gate.QueuedIds);
        var stats = await host.SimulatorStatsAsync();
        Assert.Equal(10, stats.GetProperty("callsInProgress").GetInt64());
    }

    private static async Task<VoiceGate> WaitForVoiceGateAsync(VoiceHost host, Func<VoiceGate, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var types = await host.Client.GetFromJsonAsync<JsonElement>("api/campaign-types");
            var voice = types.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "voice");
            var gate = new VoiceGate(
                [.. voice.GetProperty("active").EnumerateArray().Select(e => e.GetGuid())],
                [.. voice.GetProperty("queued").EnumerateArray().Select(e => e.GetGuid())]);
            if (done(gate))
            {
                return gate;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"the voice gate never reached the expected state: {voice}");
            await Task.Delay(100);
        }
    }

    private sealed record VoiceGate(Guid[] ActiveIds, Guid[] QueuedIds)
    {
        public int Active => ActiveIds.Length;

        public int Queued => QueuedIds.Length;
    }
}

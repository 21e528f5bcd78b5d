using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Voice;

/// <summary>Pause starts no new call and hangs up none in progress; resume goes on where it stopped, calling nobody twice.</summary>
[Collection(nameof(VoiceCampaignTests))]
public sealed class VoicePauseTests
{
    [Fact]
    public async Task Pause_lets_calls_in_progress_finish_and_starts_none_until_resumed()
    {
        await using var host = await VoiceHost.StartAsync(20);
        await host.ConfigureSimulatorAsync(new { voice = new { answerDelayMs = 1_500, talkMsPerChar = 20 } });
        var phones = Enumerable.Range(27_000, 40).Select(TestPhoneNumbers.Us).ToArray();
        var id = await host.CreateAsync(
            VoiceHost.Campaign("voice", "Hello {{first_name}}, this is a longer reminder call for you.", new { voice = new { maxConcurrentCalls = 8 } }), phones);

        await host.Api.StartAsync(id);
        await Lifecycle.Eventually.Until(host.SimulatorStatsAsync, s => s.GetProperty("callsInProgress").GetInt64() >= 4, "calls are in progress");
        using (var pause = await host.Client.PostAsync($"api/campaigns/{id}/pause", null))
        {
            Assert.True(pause.IsSuccessStatusCode, await pause.Content.ReadAsStringAsync());
        }

        await host.WaitForStatusAsync(id, s => s.Phase == "paused", "the campaign is paused");
        var atPause = await host.SimulatorStatsAsync();
        Assert.True(atPause.GetProperty("callsInProgress").GetInt64() > 0, "no call was in progress at the pause; nothing was tested");
        var drained = await Lifecycle.Eventually.Until(
            host.SimulatorStatsAsync, s => s.GetProperty("callsInProgress").GetInt64() == 0, "the calls in progress end", TimeSpan.FromSeconds(30));
        // Every call alive at the pause played to its end: none was hung up, and every one has a final outcome.
        Assert.Equal(atPause.GetProperty("callsCreated").GetInt64(), drained.GetProperty("callsCreated").GetInt64());
        await Task.Delay(TimeSpan.FromSeconds(2));
        var created = (await host.SimulatorStatsAsync()).GetProperty("callsCreated").GetInt64();
        Assert.Equal(atPause.GetProperty("callsCreated").GetInt64(), created);
        Assert.True(created < phones.Length);
        var paused = await host.WaitForStatusAsync(id, s => s.Count("callsInProgress") == 0, "the host sees every call ended");
        Assert.Equal("paused", paused.Phase);
        Assert.Equal(created, paused.Count("answered") + paused.Count("voicemail") + paused.Count("busy") + paused.Count("noAnswer")
            + paused.Count("optedOut") + await FailedCallsAsync(host, id));

        using (var resume = await host.Client.PostAsync($"api/campaigns/{id}/resume", null))
        {
            Assert.True(resume.IsSuccessStatusCode, await resume.Content.ReadAsStringAsync());
        }

        await host.WaitForStatusAsync(id, s => s.RuntimeStatus == "Completed", "the resumed campaign completes", TimeSpan.FromMinutes(1));
        var calls = (await host.SimulatorStatsAsync()).GetProperty("callsByRecipient");
        Assert.All(phones, p => Assert.Equal(1, calls.GetProperty(p).GetInt64()));
    }

    private static async Task<long> FailedCallsAsync(VoiceHost host, Guid campaignId)
    {
        await using var query = host.Host.Database.DataSource.CreateCommand("SELECT count(*) FROM calls WHERE campaign_id = @id AND outcome = 'failed'");
        query.Parameters.AddWithValue("id", campaignId);
        return (long)(await query.ExecuteScalarAsync())!;
    }
}

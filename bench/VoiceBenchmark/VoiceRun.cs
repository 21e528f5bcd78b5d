using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Simulator;
using MassCampaign.Testing;

namespace VoiceBenchmark;

/// <summary>
/// One voice campaign end to end against a fresh host process and database, the Simulator playing every call out with
/// the default outcome mix: ringing, the answer NCCO fetched from the host, the script spoken, a digit or none, and
/// every event posted back. Nothing is left out of the host's work.
/// </summary>
public sealed class VoiceRun(VonageSimulator simulator, VoiceArguments arguments, string applicationId, string keyPath)
{
    private const string Script = "Hello {{first_name}}, this is a reminder of your appointment tomorrow. Press 1 to confirm.";

    public async Task<VoiceRunResult> RunAsync()
    {
        simulator.Reset();
        await using var database = new PostgresDatabase();
        await database.InitializeAsync();
        var options = new HostProcessOptions
        {
            Postgres = database.ConnectionString,
            VonageBaseUrl = simulator.BaseAddress,
            VonageApiKey = simulator.ApiKey,
            VonageApiSecret = simulator.ApiSecret,
            RequestTimeout = TimeSpan.FromMinutes(5),
        }.WithVoice(applicationId, keyPath)
            .With("massCampaign:rateLimits:voiceCallsPerSecond", arguments.CallsPerSecond.ToString(CultureInfo.InvariantCulture))
            .With("Logging:LogLevel:Default", "Warning");
        await using var host = await HostProcess.StartAsync(options);
        using var control = new HttpClient { BaseAddress = simulator.BaseAddress };
        using (var configured = await control.PostAsJsonAsync("_sim/config", new
        {
            voice = new
            {
                callsPerSecond = arguments.CallsPerSecond, answerDelayMs = arguments.AnswerDelayMs, talkMsPerChar = arguments.TalkMsPerChar,
                human = 0.6, machine = 0.2, busy = 0.1, noAnswer = 0.1, dtmf = new Dictionary<string, double> { ["1"] = 0.3 },
            },
        }))
        {
            configured.EnsureSuccessStatusCode();
        }

        var zone = OpenWindowZone.Now(TimeProvider.System);
        using var created = await host.Client.PostAsJsonAsync("api/campaigns", new
        {
            name = "Voice benchmark", type = "voice", from = "15550001000", voiceScript = Script,
            callingWindow = new { start = "00:00", end = "23:59", timeZone = zone },
            settings = new { voice = new { maxConcurrentCalls = arguments.MaxConcurrentCalls } },
        });
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var api = new CampaignApi(host.Client);
        if (await api.ImportAsync(campaign, RecipientCsv.Build(arguments.Calls, zone)) != arguments.Calls)
        {
            throw new InvalidOperationException("The import did not take every recipient.");
        }

        var timeline = new CreationTimeline(simulator);
        var started = TimeProvider.System.GetTimestamp();
        await api.StartAsync(campaign);
        var finishing = api.WaitUntilFinishedAsync(campaign, TimeSpan.FromMinutes(60), TimeSpan.FromMilliseconds(500));
        await timeline.SampleUntilAsync(finishing);
        var finished = await finishing;
        var took = TimeProvider.System.GetElapsedTime(started);
        var stats = simulator.GetStats();
        var twice = stats.CallsByRecipient.Count(c => c.Value > 1);
        if (finished.RuntimeStatus != "Completed" || stats.CallsByRecipient.Count != arguments.Calls)
        {
            throw new InvalidOperationException(
                $"The run is not valid: status {finished}, {stats.CallsByRecipient.Count} of {arguments.Calls} numbers called, {twice} more than once.");
        }

        return new VoiceRunResult(
            stats.CallsCreated, timeline.HeldRate(stats.CallsCreated), stats.MaxConcurrentCalls, stats.MaxCallsCreatedInAnySecond,
            stats.CallsThrottled, stats.AnswerLatency.P50Ms, stats.AnswerLatency.P99Ms, stats.AnswerLatency.MaxMs, took);
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using MassCampaign.EndToEnd.Tests.Support;
using MassCampaign.Simulator;
using MassCampaign.Testing;
using Xunit.Abstractions;

namespace MassCampaign.EndToEnd.Tests.Voice;

/// <summary>
/// DESIGN.md §9 with a real crash: the host process is SIGKILLed while calls are being created and are in progress,
/// then restarted on the same database and address. The Simulator, which plays every call out against whichever host
/// answers, proves no number was dialled twice, and the database that every recipient ended with an outcome.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class VoiceHostCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 300;
    private const int CallsPerSecond = 20;
    private const int KillAfterCalls = Recipients * 35 / 100;

    private readonly PostgresDatabase _database = new();
    private readonly string _keyPath = Path.Combine(Path.GetTempPath(), $"mc-voice-{Guid.NewGuid():N}.pem");
    private VonageSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        using (var rsa = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(_keyPath, rsa.ExportRSAPrivateKeyPem());
        }

        await _database.InitializeAsync();
        _simulator = await VonageSimulator.StartAsync(new SimulatorOptions { VoiceApplicationId = "crash-app", VoicePrivateKeyPath = _keyPath });
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _database.DisposeAsync();
        File.Delete(_keyPath);
    }

    [Fact]
    public async Task Host_killed_mid_voice_campaign_never_dials_a_number_twice_and_every_recipient_ends()
    {
        var options = new HostProcessOptions
        {
            Postgres = _database.ConnectionString,
            VonageBaseUrl = _simulator.BaseAddress,
            VonageApiKey = _simulator.ApiKey,
            VonageApiSecret = _simulator.ApiSecret,
        }.WithVoice("crash-app", _keyPath)
            .With("massCampaign:rateLimits:voiceCallsPerSecond", CallsPerSecond.ToString(CultureInfo.InvariantCulture))
            // A call lost with the host is settled from the provider this long after its ringing time.
            .With("Vonage:VoiceLengthTimerSeconds", "20");
        using var config = new HttpClient { BaseAddress = _simulator.BaseAddress };
        using (var configured = await config.PostAsJsonAsync("_sim/config", new
        {
            voice = new { callsPerSecond = CallsPerSecond, answerDelayMs = 400, talkMsPerChar = 10, dtmf = new Dictionary<string, double> { ["1"] = 0.5 } },
        }))
        {
            Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync());
        }

        var zone = OpenWindowZone.Now(TimeProvider.System);
        var hosts = new List<HostProcess> { await HostProcess.StartAsync(options) };
        try
        {
            var api = new CampaignApi(hosts[0].Client);
            using var created = await hosts[0].Client.PostAsJsonAsync("api/campaigns", new
            {
                name = "Voice crash", type = "voice", from = "15550001000",
                voiceScript = "Hello {{first_name}}, this is a reminder. Press 1 to confirm.",
                callingWindow = new { start = "00:00", end = "23:59", timeZone = zone },
                settings = new { unknownPolicy = "leave", unknownResolveAfter = "PT60S", voice = new { maxConcurrentCalls = 25, ringingTimeoutSeconds = 10 } },
            });
            var body = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.True(created.IsSuccessStatusCode, body.ToString());
            var campaign = body.GetProperty("id").GetGuid();
            Assert.Equal(Recipients, await api.ImportAsync(campaign, RecipientCsv.Build(Recipients, zone)));
            await api.StartAsync(campaign);

            await WaitForCallsAsync(KillAfterCalls, TimeSpan.FromSeconds(90), hosts[0]);
            await hosts[0].KillAsync();
            var atKill = _simulator.GetStats();
            output.WriteLine($"Killed after {atKill.CallsCreated} calls created, {atKill.CallsInProgress} in progress.");
            Assert.True(atKill.CallsInProgress > 0, "No call was in progress when the host was killed; nothing was tested.");
            Assert.True(atKill.CallsCreated < Recipients, "Every call was made before the kill; nothing was tested.");

            hosts.Add(await HostProcess.StartAsync(hosts[0].Options));
            var finished = await new CampaignApi(hosts[^1].Client).WaitUntilFinishedAsync(campaign, TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(1));
            Assert.True(finished.RuntimeStatus == "Completed", $"The campaign ended {finished}.");

            var stats = _simulator.GetStats();
            var phones = Enumerable.Range(0, Recipients).Select(TestPhoneNumbers.Us).ToArray();
            var twice = phones.Where(p => stats.CallsByRecipient.GetValueOrDefault(p) > 1).ToArray();
            Assert.True(twice.Length == 0, $"{twice.Length} numbers were dialled more than once, e.g. {string.Join(", ", twice.Take(5))}.");
            var never = phones.Where(p => stats.CallsByRecipient.GetValueOrDefault(p) == 0).ToArray();
            output.WriteLine($"Simulator: {stats.CallsCreated} calls, {never.Length} numbers never dialled, outcomes {stats.CallOutcomes}.");

            var recipients = await new RecipientLedger(_database.DataSource).AllAsync(campaign);
            var open = recipients.Where(r => r.Status is "pending" or "sending" or "sent").ToArray();
            Assert.True(open.Length == 0, $"{open.Length} recipients never got an outcome, e.g. {string.Join(", ", open.Take(5))}.");
            // Only a call whose creation was in flight at the kill can be unknown: either it never reached the provider,
            // or it did and its events came while no host listened (Vonage does not retry them) before its dial was
            // recorded. It is left unknown (unknownPolicy leave) for an operator to resend, never dialled again by itself.
            var unknown = recipients.Where(r => r.Status == "unknown").Select(r => r.Phone).ToArray();
            Assert.True(unknown.Length <= 2 * 32, $"{unknown.Length} recipients were left unknown: more than two batches' dials in flight.");
            Assert.All(never, p => Assert.Contains(p, unknown));
            Assert.Equal(0, stats.CallsInProgress);
            var counters = new MassCampaign.Data.Sending.RecipientCounters(_database.DataSource);
            Assert.Equal(await counters.RecountAsync(campaign, CancellationToken.None), await counters.CountedAsync(campaign, CancellationToken.None));
        }
        finally
        {
            foreach (var host in hosts)
            {
                output.WriteLine(host.Describe(40));
                await host.DisposeAsync();
            }
        }
    }

    private async Task WaitForCallsAsync(long target, TimeSpan timeout, HostProcess host)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (_simulator.GetStats().CallsCreated < target)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"Only {_simulator.GetStats().CallsCreated} calls were created in {timeout}: {host.Describe(40)}");
            await Task.Delay(50);
        }
    }
}

using System.Net;
using System.Text.Json;
using MassCampaign.Testing;
using Npgsql;

namespace MassCampaign.Host.Tests.Voice;

/// <summary>
/// A voice campaign through the real host, PostgreSQL, Redis and the Simulator's Voice API: every number called, retried
/// only as its outcome's policy says, within the concurrency and call-rate limits, with its own script, and digit 9
/// blacklisting the number for every channel.
/// </summary>
[Collection(nameof(VoiceCampaignTests))]
public sealed class VoiceCampaignTests
{
    private const int CallsPerSecond = 40;
    private const int MaxConcurrentCalls = 15;
    private const string Script = "Hello {{first_name}}, your appointment is tomorrow. Press 1 to confirm or 9 to stop these calls.";

    private static readonly object Settings = new
    {
        voice = new
        {
            maxConcurrentCalls = MaxConcurrentCalls,
            machineDetection = "leaveMessage",
            retry = new
            {
                noAnswer = new { maxAttempts = 2, afterMinutes = 0.01 },
                busy = new { maxAttempts = 3, afterMinutes = 0.01 },
                failed = new { maxAttempts = 1, afterMinutes = 1 },
            },
            maxAttemptsPer24h = 3,
        },
    };

    [Fact]
    public async Task A_500_recipient_campaign_calls_everyone_within_limits_and_reports_what_the_provider_saw()
    {
        await using var host = await VoiceHost.StartAsync(CallsPerSecond);
        var phones = Enumerable.Range(20_000, 500).Select(TestPhoneNumbers.Us).ToArray();
        var busy = phones[..10];
        var noAnswer = phones[10..20];
        var failed = phones[20..25];
        var optOut = phones[25..35];
        var outcomes = busy.Select(p => (p, "busy")).Concat(noAnswer.Select(p => (p, "noAnswer")))
            .Concat(failed.Select(p => (p, "failed"))).Concat(optOut.Select(p => (p, "human")))
            .ToDictionary(x => x.p.TrimStart('+'), x => x.Item2);
        await host.ConfigureSimulatorAsync(new
        {
            voice = new
            {
                human = 0.6, machine = 0.2, busy = 0.1, noAnswer = 0.1,
                dtmf = new Dictionary<string, double> { ["1"] = 0.3 },
                outcomeByNumber = outcomes,
                dtmfByNumber = optOut.ToDictionary(p => p.TrimStart('+'), _ => "9"),
            },
        });
        var id = await host.CreateAsync(VoiceHost.Campaign("voice", Script, Settings), phones);

        await host.Api.StartAsync(id);
        var done = await host.WaitForStatusAsync(id, s => s.RuntimeStatus == "Completed", "the voice campaign completes", TimeSpan.FromMinutes(3));

        var stats = await host.SimulatorStatsAsync();
        var calls = stats.GetProperty("callsByRecipient");
        var callsTo = phones.ToDictionary(p => p, p => calls.TryGetProperty(p, out var n) ? n.GetInt64() : 0);
        Assert.All(phones, p => Assert.True(callsTo[p] >= 1, $"{p} was never called"));
        Assert.All(busy, p => Assert.Equal(3, callsTo[p]));
        Assert.All(noAnswer, p => Assert.Equal(2, callsTo[p]));
        Assert.All(failed.Concat(optOut), p => Assert.Equal(1, callsTo[p]));
        await AssertRetriesFollowPolicyAsync(host, id, callsTo);

        Assert.InRange(stats.GetProperty("maxConcurrentCalls").GetInt64(), 1, MaxConcurrentCalls);
        Assert.InRange(stats.GetProperty("maxCallsCreatedInAnySecond").GetInt64(), 1, CallsPerSecond);
        Assert.Equal(0, stats.GetProperty("callsInProgress").GetInt64());

        var nccos = stats.GetProperty("nccoByRecipient");
        var answeredNumbers = nccos.EnumerateObject().ToArray();
        Assert.True(answeredNumbers.Length > 300, $"only {answeredNumbers.Length} numbers heard a script");
        foreach (var heard in answeredNumbers)
        {
            var index = Array.IndexOf(phones, heard.Name);
            var talk = heard.Value.EnumerateArray().First();
            Assert.Equal("talk", talk.GetProperty("action").GetString());
            Assert.Equal($"Hello Guest{index}, your appointment is tomorrow. Press 1 to confirm or 9 to stop these calls.",
                talk.GetProperty("text").GetString());
        }

        // The report counts calls as the provider saw them: a person (answered or opted out), a machine, busy, no answer, failed.
        var seen = stats.GetProperty("callOutcomes");
        var report = (await host.ReportAsync(id)).GetProperty("calls");
        Assert.Equal(seen.GetProperty("human").GetInt64(), report.GetProperty("answered").GetInt64() + report.GetProperty("optedOut").GetInt64());
        Assert.Equal(seen.GetProperty("machine").GetInt64(), report.GetProperty("voicemail").GetInt64());
        Assert.Equal(seen.GetProperty("busy").GetInt64(), report.GetProperty("busy").GetInt64());
        Assert.Equal(seen.GetProperty("noAnswer").GetInt64(), report.GetProperty("noAnswer").GetInt64());
        Assert.Equal(seen.GetProperty("failed").GetInt64(), report.GetProperty("failed").GetInt64());
        Assert.Equal(optOut.Length, report.GetProperty("optedOut").GetInt64());
        Assert.Equal(stats.GetProperty("callsCreated").GetInt64(), report.GetProperty("calls").GetInt64());
        Assert.Equal(report.GetProperty("answered").GetInt64(), done.Count("answered"));
        Assert.Equal(report.GetProperty("busy").GetInt64(), done.Count("busy"));
        Assert.Equal(0, done.Count("callsInProgress"));

        // Digit 9 is an opt-out for every channel: blacklisted, and an SMS campaign to the same numbers skips them.
        foreach (var phone in optOut)
        {
            using var entry = await host.Client.GetAsync($"api/blacklist/{Uri.EscapeDataString(phone)}");
            Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        }

        var sms = await host.CreateAsync(new
        {
            name = "after the calls", type = "sms", smsTemplate = "Hi {{first_name}}", from = "Acme",
            callingWindow = new { start = "00:00", end = "23:59", timeZone = "UTC" },
        }, phones[20..40]);
        await host.Api.StartAsync(sms);
        await host.WaitForStatusAsync(sms, s => s.RuntimeStatus == "Completed", "the SMS campaign completes");
        var smsTo = (await host.SimulatorStatsAsync()).GetProperty("smsByRecipient");
        Assert.All(optOut, p => Assert.False(smsTo.TryGetProperty(p, out _), $"{p} pressed 9 but was texted"));
        Assert.All(phones[35..40], p => Assert.True(smsTo.TryGetProperty(p, out _), $"{p} did not opt out but was not texted"));
    }

    [Fact]
    public async Task Without_voice_credentials_a_started_voice_campaign_pauses_saying_what_to_configure()
    {
        await using var host = await VoiceHost.StartAsync(CallsPerSecond, new Dictionary<string, string?> { ["Vonage:PrivateKeyPath"] = "" });
        var phones = Enumerable.Range(21_000, 3).Select(TestPhoneNumbers.Us).ToArray();
        var id = await host.CreateAsync(VoiceHost.Campaign("voice", Script, Settings), phones);

        await host.Api.StartAsync(id);
        var paused = await host.WaitForStatusAsync(id, s => s.Custom.GetProperty("phase").GetString() == "paused", "the campaign pauses");

        Assert.Contains("Vonage:PrivateKeyPath", paused.Body.ToString());
        Assert.Equal(0, (await host.SimulatorStatsAsync()).GetProperty("callsCreated").GetInt64());
        Assert.Equal(0, paused.Count("callsInProgress"));
    }

    /// <summary>Each recipient's calls, oldest first: every call but the last ended retryable and under its outcome's cap.</summary>
    private static async Task AssertRetriesFollowPolicyAsync(VoiceHost host, Guid campaignId, IReadOnlyDictionary<string, long> callsTo)
    {
        var maxAttempts = new Dictionary<string, int> { ["busy"] = 3, ["noAnswer"] = 2, ["failed"] = 1 };
        await using var query = host.Host.Database.DataSource.CreateCommand("""
            SELECT to_phone, array_agg(outcome ORDER BY created_at, id) FROM calls WHERE campaign_id = @id GROUP BY to_phone
            """);
        query.Parameters.AddWithValue("id", campaignId);
        await using var reader = await query.ExecuteReaderAsync();
        var recipients = 0;
        while (await reader.ReadAsync())
        {
            recipients++;
            var phone = reader.GetString(0);
            var outcomes = reader.GetFieldValue<string?[]>(1);
            Assert.Equal(callsTo[phone], outcomes.Length);
            for (var i = 0; i < outcomes.Length; i++)
            {
                var outcome = outcomes[i] ?? "none";
                var retryable = maxAttempts.TryGetValue(outcome, out var cap) && i + 1 < cap && i + 1 < 3;
                Assert.True(i == outcomes.Length - 1 ? !retryable : retryable,
                    $"{phone}: call {i + 1} of {outcomes.Length} ended {outcome}: [{string.Join(", ", outcomes)}]");
            }
        }

        Assert.Equal(callsTo.Count, recipients);
    }
}

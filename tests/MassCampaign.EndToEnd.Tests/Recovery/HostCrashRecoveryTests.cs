using MassCampaign.Data.Sending;
using MassCampaign.EndToEnd.Tests.Support;
using MassCampaign.Simulator;
using MassCampaign.Simulator.Control;
using MassCampaign.Testing;
using Xunit.Abstractions;

namespace MassCampaign.EndToEnd.Tests.Recovery;

/// <summary>
/// DESIGN.md §4.2–4.3 with a real crash: the host process is SIGKILLed in the middle of a 100,000-recipient campaign,
/// a new process on the same database finishes it by itself, and Vonage's side (the Simulator) proves nobody was
/// texted twice.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HostCrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 100_000;
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(3);

    private readonly PostgresDatabase _database = new();
    private VonageSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _simulator = await VonageSimulator.StartAsync(new SimulatorOptions { LatencyMs = 3, ThrottlePerSecond = 0 });
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Campaign_killed_mid_send_completes_after_restart_and_texts_nobody_twice()
    {
        var zone = OpenWindowZone.Now(TimeProvider.System);
        var options = new HostProcessOptions
        {
            Postgres = _database.ConnectionString,
            VonageBaseUrl = _simulator.BaseAddress,
            VonageApiKey = _simulator.ApiKey,
            VonageApiSecret = _simulator.ApiSecret,
        }.With("massCampaign:rateLimits:smsRequestsPerSecond", "0");

        var clock = new PhaseClock(output);
        HostProcess? restarted = null;
        var crashed = await HostProcess.StartAsync(options);
        clock.Mark("host ready");
        try
        {
            // Receipts go to the host's fixed address, so they reach the restarted process too.
            _simulator.Configure(new SimulatorSettingsUpdate { DlrUrl = crashed.DeliveryReceiptUrl.AbsoluteUri });
            var api = new CampaignApi(crashed.Client);
            var campaign = await api.CreateSmsCampaignAsync("Crash recovery", zone);
            Assert.Equal(Recipients, await api.ImportAsync(campaign, RecipientCsv.Build(Recipients, zone)));
            clock.Mark("campaign created and imported");
            await api.StartAsync(campaign);

            await SimulatorTraffic.WaitForAsync([_simulator], Recipients * 35 / 100, SendTimeout, () => crashed.Describe());
            await crashed.KillAsync();
            clock.Mark("35% sent, host killed");
            var ledger = new RecipientLedger(_database.DataSource);
            var cutOff = await ledger.InStatusAsync(campaign, RecipientStatuses.Sending);
            var acceptedAtCrash = SimulatorTraffic.Total([_simulator]);
            output.WriteLine($"Killed after {acceptedAtCrash} accepted SMS; {cutOff.Count} recipients were left 'sending'.");
            Assert.True(acceptedAtCrash < Recipients, "The campaign finished before the host could be killed; nothing was tested.");
            Assert.NotEmpty(cutOff);

            restarted = await HostProcess.StartAsync(crashed.Options);
            clock.Mark("second host ready");
            var finished = await new CampaignApi(restarted.Client).WaitUntilFinishedAsync(campaign, RecoveryTimeout, TimeSpan.FromMilliseconds(500));
            clock.Mark("campaign completed");
            Assert.True(finished.RuntimeStatus == "Completed", $"The campaign ended {finished}.");

            var texted = SimulatorTraffic.ByRecipient([_simulator]);
            Assert.DoesNotContain(texted, t => t.Value > 1);

            var recipients = await ledger.AllAsync(campaign);
            Assert.Equal(Recipients, recipients.Count);
            Assert.DoesNotContain(recipients, r => !RecipientLedger.TerminalStatuses.Contains(r.Status));

            // Those cut off stayed on their attempt: unknown, or settled by a receipt for the one SMS that did go out.
            var cutOffIds = cutOff.ToDictionary(r => r.Id);
            foreach (var row in recipients.Where(r => cutOffIds.ContainsKey(r.Id)))
            {
                Assert.Equal(cutOffIds[row.Id].Attempt, row.Attempt);
                var reachedVonage = texted.ContainsKey(row.Phone);
                Assert.True(
                    row.Status == RecipientStatuses.Unknown || (reachedVonage && row.Status is RecipientStatuses.Sent or RecipientStatuses.Delivered),
                    $"Recipient {row.Id} was cut off in 'sending' and is now '{row.Status}' (reached Vonage: {reachedVonage}).");
            }

            // Everyone else went out exactly once, and was recorded as sent.
            var others = recipients.Where(r => !cutOffIds.ContainsKey(r.Id)).ToList();
            Assert.DoesNotContain(others, r => r.Status is not (RecipientStatuses.Sent or RecipientStatuses.Delivered));
            Assert.DoesNotContain(others, r => !texted.ContainsKey(r.Phone));
            output.WriteLine(
                $"Cut off: {cutOff.Count}, of which {recipients.Count(r => cutOffIds.ContainsKey(r.Id) && r.Status != RecipientStatuses.Unknown)} " +
                $"were settled by receipts; {texted.Count} numbers texted once each.");
        }
        finally
        {
            output.WriteLine(crashed.Describe(80));
            await crashed.DisposeAsync();
            if (restarted is not null)
            {
                output.WriteLine(restarted.Describe(80));
                await restarted.DisposeAsync();
            }
        }
    }
}

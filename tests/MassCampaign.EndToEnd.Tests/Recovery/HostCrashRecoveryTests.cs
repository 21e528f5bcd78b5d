using MassCampaign.Data.Sending;
using MassCampaign.Domain.Recipients;
using MassCampaign.EndToEnd.Tests.Support;
using MassCampaign.Simulator;
using MassCampaign.Simulator.Control;
using MassCampaign.Testing;
using Xunit.Abstractions;

namespace MassCampaign.EndToEnd.Tests.Recovery;

/// <summary>
/// DESIGN.md §4.2–4.3 with a real crash: the host process is SIGKILLed in the middle of a 100,000-recipient campaign,
/// a new process on the same database finishes it by itself, and Vonage's side (the Simulator) proves nobody was
/// texted twice. Receipts come late (as Vonage's often do), so those of the sends the crash cut off reach the new
/// process and settle them.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HostCrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 100_000;
    private static readonly TimeSpan ReceiptDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(90);

    private readonly PostgresDatabase _database = new();
    private VonageSimulator _simulator = null!;
    private RecipientLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _ledger = new RecipientLedger(_database.DataSource);
        _simulator = await VonageSimulator.StartAsync(new SimulatorOptions
        {
            LatencyMs = 5,
            ThrottlePerSecond = 0,
            DlrDelayMs = (int)ReceiptDelay.TotalMilliseconds,
        });
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Campaign_killed_mid_send_completes_after_restart_texts_nobody_twice_and_receipts_settle_the_cut_off()
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
            await SimulatorTraffic.WaitForSendingNowAsync([_simulator], SendTimeout, () => crashed.Describe());
            await crashed.KillAsync();
            clock.Mark("35% sent, host killed");
            var cutOff = await _ledger.InStatusAsync(campaign, RecipientStatuses.Sending);
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
            await AssertEveryoneElseWasTextedOnceAsync(campaign, cutOff, texted);
            await AssertReceiptsSettleTheCutOffAsync(cutOff, texted);
            clock.Mark("receipts settled the cut-off sends");
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

    /// <summary>Every recipient is terminal; all but the cut-off went out exactly once and were recorded as sent.</summary>
    private async Task AssertEveryoneElseWasTextedOnceAsync(Guid campaign, IReadOnlyList<RecipientRow> cutOff, Dictionary<string, long> texted)
    {
        var recipients = await _ledger.AllAsync(campaign);
        Assert.Equal(Recipients, recipients.Count);
        Assert.DoesNotContain(recipients, r => !RecipientLedger.TerminalStatuses.Contains(r.Status));

        var cutOffIds = cutOff.Select(r => r.Id).ToHashSet();
        var others = recipients.Where(r => !cutOffIds.Contains(r.Id)).ToList();
        Assert.DoesNotContain(others, r => r.Status is not (RecipientStatuses.Sent or RecipientStatuses.Delivered));
        Assert.DoesNotContain(others, r => !texted.ContainsKey(r.Phone));
    }

    /// <summary>
    /// The cut-off stay on the attempt they had (never re-sent): 'unknown' when their SMS never left, 'delivered' once
    /// the late receipt of the one that did reaches the new process.
    /// </summary>
    private async Task AssertReceiptsSettleTheCutOffAsync(IReadOnlyList<RecipientRow> cutOff, Dictionary<string, long> texted)
    {
        var ids = cutOff.Select(r => r.Id).ToArray();
        var started = TimeProvider.System.GetTimestamp();
        IReadOnlyList<RecipientRow> now;
        while (true)
        {
            now = await _ledger.ByIdAsync(ids);
            var waiting = now.Count(r => texted.ContainsKey(r.Phone) && r.Status != RecipientStatuses.Delivered);
            if (waiting == 0 || TimeProvider.System.GetElapsedTime(started) > SettleTimeout)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var before = cutOff.ToDictionary(r => r.Id);
        Assert.All(now, r => Assert.Equal(before[r.Id].Attempt, r.Attempt));
        Assert.All(now.Where(r => !texted.ContainsKey(r.Phone)), r => Assert.Equal(RecipientStatuses.Unknown, r.Status));
        Assert.All(now.Where(r => texted.ContainsKey(r.Phone)), r => Assert.Equal(RecipientStatuses.Delivered, r.Status));
        output.WriteLine(
            $"Cut off: {now.Count}; {now.Count(r => r.Status == RecipientStatuses.Delivered)} had gone out and were settled by their receipts, " +
            $"{now.Count(r => r.Status == RecipientStatuses.Unknown)} never left and stay unknown; {texted.Count} numbers texted once each.");
    }
}

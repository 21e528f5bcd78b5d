using MassCampaign.Domain.Recipients;
using MassCampaign.EndToEnd.Tests.Support;
using MassCampaign.Simulator;
using MassCampaign.Simulator.Control;
using MassCampaign.Testing;
using Xunit.Abstractions;

namespace MassCampaign.EndToEnd.Tests.Recovery;

/// <summary>
/// DESIGN.md §4.3 with real crashes: the host process is SIGKILLed twice in the middle of a rate-limited campaign and
/// restarted on the same database each time. Vonage's side (the Simulator) proves every recipient got exactly one
/// SMS, and the receipts, which follow the host to its fixed address, prove each one was delivered. Only requests
/// actually out when the host died may be left ambiguous; the rest of a claimed batch is known unsent.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HostCrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 12_000;
    private const int SmsPerSecond = 400;
    private static readonly int[] KillAtPercent = [25, 60];

    /// <summary>
    /// Long enough that the receipt of a send cut off always settles it first (the Simulator retries a receipt the dead
    /// host missed within seconds of the restart), so resending one that never left can never text anybody twice.
    /// </summary>
    private const string UnknownResolveAfter = "PT60S";

    private static readonly TimeSpan ReceiptDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

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
    public async Task Host_killed_twice_mid_campaign_texts_every_recipient_exactly_once_and_each_ends_delivered()
    {
        var zone = OpenWindowZone.Now(TimeProvider.System);
        var options = new HostProcessOptions
        {
            Postgres = _database.ConnectionString,
            VonageBaseUrl = _simulator.BaseAddress,
            VonageApiKey = _simulator.ApiKey,
            VonageApiSecret = _simulator.ApiSecret,
        }.With("massCampaign:rateLimits:smsRequestsPerSecond", SmsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var ambiguousLimit = SendPathLimits.AmbiguousAfterCrash();

        var clock = new PhaseClock(output);
        var hosts = new List<HostProcess> { await HostProcess.StartAsync(options) };
        clock.Mark("host ready");
        try
        {
            // Receipts go to the host's fixed address, so they reach each restarted process too.
            _simulator.Configure(new SimulatorSettingsUpdate { DlrUrl = hosts[0].DeliveryReceiptUrl.AbsoluteUri });
            var api = new CampaignApi(hosts[0].Client);
            var campaign = await api.CreateSmsCampaignAsync(
                "Crash recovery", zone, new Dictionary<string, object?> { ["unknownPolicy"] = "resend", ["unknownResolveAfter"] = UnknownResolveAfter });
            Assert.Equal(Recipients, await api.ImportAsync(campaign, RecipientCsv.Build(Recipients, zone)));
            clock.Mark("campaign created and imported");
            await api.StartAsync(campaign);

            foreach (var percent in KillAtPercent)
            {
                var host = hosts[^1];
                await SimulatorTraffic.WaitForAsync([_simulator], Recipients * percent / 100, SendTimeout, () => host.Describe());
                await SimulatorTraffic.WaitForSendingNowAsync([_simulator], SendTimeout, () => host.Describe());
                await host.KillAsync();
                var accepted = SimulatorTraffic.Total([_simulator]);
                clock.Mark($"{percent}% sent, host killed");

                var cutOff = await _ledger.CutOffAsync(campaign);
                output.WriteLine($"Killed after {accepted} accepted SMS: {cutOff}.");
                Assert.True(accepted < Recipients, "The campaign finished before the host could be killed; nothing was tested.");
                Assert.True(cutOff.Sending > 0, "No batch was out when the host was killed; nothing was cut off.");
                Assert.Equal(0, cutOff.InNoBatch);
                Assert.True(
                    cutOff.Ambiguous <= ambiguousLimit,
                    $"{cutOff.Ambiguous} recipients were left ambiguous, more than the {ambiguousLimit} the send path can leave without an outcome.");

                hosts.Add(await HostProcess.StartAsync(host.Options));
                clock.Mark("host restarted on the same database");
            }

            var finished = await new CampaignApi(hosts[^1].Client).WaitUntilFinishedAsync(campaign, RecoveryTimeout, TimeSpan.FromMilliseconds(500));
            clock.Mark("campaign completed");
            Assert.True(finished.RuntimeStatus == "Completed", $"The campaign ended {finished}.");

            var recipients = await _ledger.WaitUntilAllAsync(campaign, RecipientStatuses.Delivered, SettleTimeout);
            clock.Mark("every receipt in");
            var stats = _simulator.GetStats();
            output.WriteLine(
                $"Simulator: {stats.TotalSms} accepted of {stats.TotalRequests} requests; receipts {stats.DlrsDelivered} taken, " +
                $"{stats.DlrsRetried} posts retried.");

            // The counters kept by the triggers through both crashes equal a recount of the rows.
            var counters = new MassCampaign.Data.Sending.RecipientCounters(_database.DataSource);
            Assert.Equal(await counters.RecountAsync(campaign, CancellationToken.None), await counters.CountedAsync(campaign, CancellationToken.None));

            var phones = Enumerable.Range(0, Recipients).Select(TestPhoneNumbers.Us).ToHashSet(StringComparer.Ordinal);
            var wrong = SimulatorTraffic.NotTextedExactlyOnce([_simulator], phones);
            Assert.True(wrong.Count == 0, $"{wrong.Count} numbers were not texted exactly once, e.g. {Sample(wrong.Select(w => $"{w.Key}: {w.Value}"))}.");
            Assert.Equal(Recipients, recipients.Count);
            var notDelivered = recipients.Where(r => r.Status != RecipientStatuses.Delivered).ToList();
            Assert.True(
                notDelivered.Count == 0,
                $"{notDelivered.Count} recipients did not end delivered: " +
                string.Join(", ", notDelivered.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}")) + ", e.g.\n" +
                await _ledger.ExplainAsync(notDelivered.Take(10).Select(r => r.Id)));
        }
        finally
        {
            foreach (var host in hosts)
            {
                output.WriteLine(host.Describe(60));
                await host.DisposeAsync();
            }
        }
    }

    private static string Sample<T>(IEnumerable<T> items) => string.Join("; ", items.Take(5));
}

using System.Net;
using MassCampaign.Domain.Recipients;
using MassCampaign.EndToEnd.Tests.Support;
using MassCampaign.Simulator;
using MassCampaign.Simulator.Control;
using MassCampaign.Testing;
using Xunit.Abstractions;

namespace MassCampaign.EndToEnd.Tests.Clustering;

/// <summary>
/// Two host processes form one Orleans cluster over Redis and share PostgreSQL; one is SIGKILLed mid-campaign. Each
/// host sends through a Simulator of its own, so the Simulator with traffic names the silo running the campaign's
/// grain (its batch senders are stateless workers, always local to it). Receipts reach the cluster through a relay
/// that forwards to a live host, as a load balancer would: every recipient is texted exactly once and ends delivered.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SiloLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 8_000;

    /// <summary>The account's limit, shared by both hosts; receipts keep pace with it, so they are all in soon after.</summary>
    private const int SmsPerSecond = 400;

    /// <summary>
    /// A send cut off with its silo waits this long for its receipt before it is sent again. The receipt of one that
    /// left reaches the survivor within a second, and is applied by the receipt sweep (every 5 s) once the survivor
    /// has recovered the campaign, so well inside this; one that never left is resent without keeping CI long.
    /// </summary>
    private const string UnknownResolveAfter = "PT30S";

    private static readonly TimeSpan ReceiptDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SurvivalTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    private readonly PostgresDatabase _database = new();
    private VonageSimulator[] _simulators = [];
    private ReceiptRelay _relay = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _relay = await ReceiptRelay.StartAsync();
        _simulators =
        [
            await VonageSimulator.StartAsync(new SimulatorOptions { LatencyMs = 5, DlrDelayMs = (int)ReceiptDelay.TotalMilliseconds }),
            await VonageSimulator.StartAsync(new SimulatorOptions { LatencyMs = 5, DlrDelayMs = (int)ReceiptDelay.TotalMilliseconds }),
        ];
    }

    public async Task DisposeAsync()
    {
        foreach (var simulator in _simulators)
        {
            await simulator.DisposeAsync();
        }

        await _relay.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public Task Campaign_completes_on_the_survivor_when_the_silo_running_it_is_killed() => KillOneSiloAsync(killTheRunner: true);

    [Fact]
    public Task Campaign_keeps_running_when_the_other_silo_is_killed() => KillOneSiloAsync(killTheRunner: false);

    private async Task KillOneSiloAsync(bool killTheRunner)
    {
        var zone = OpenWindowZone.Now(TimeProvider.System);
        var cluster = "e2e-" + Guid.NewGuid().ToString("N")[..12];
        var clock = new PhaseClock(output);
        var hosts = new List<HostProcess>();
        try
        {
            foreach (var simulator in _simulators)
            {
                var options = new HostProcessOptions
                {
                    Postgres = _database.ConnectionString,
                    VonageBaseUrl = simulator.BaseAddress,
                    VonageApiKey = simulator.ApiKey,
                    VonageApiSecret = simulator.ApiSecret,
                }.InCluster(cluster)
                    .With("massCampaign:rateLimits:smsRequestsPerSecond", SmsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var host = await HostProcess.StartAsync(options);
                hosts.Add(host);
                simulator.Configure(new SimulatorSettingsUpdate { DlrUrl = _relay.DeliveryReceiptUrl(host).AbsoluteUri });
            }

            _relay.RouteTo(hosts);
            clock.Mark("two silos ready");
            var api = new CampaignApi(hosts[0].Client);
            var campaign = await api.CreateSmsCampaignAsync(
                "Silo loss", zone, new Dictionary<string, object?> { ["unknownPolicy"] = "resend", ["unknownResolveAfter"] = UnknownResolveAfter });
            Assert.Equal(Recipients, await api.ImportAsync(campaign, RecipientCsv.Build(Recipients, zone)));
            clock.Mark("campaign created and imported");
            await api.StartAsync(campaign);
            await SimulatorTraffic.WaitForAsync(_simulators, Recipients * 30 / 100, SendTimeout, () => Describe(hosts));
            await SimulatorTraffic.WaitForSendingNowAsync(_simulators, SendTimeout, () => Describe(hosts));

            var traffic = _simulators.Select(s => s.GetStats().TotalSms).ToArray();
            var runner = traffic[0] >= traffic[1] ? 0 : 1;
            var victim = killTheRunner ? runner : 1 - runner;
            var survivor = hosts[1 - victim];
            await hosts[victim].KillAsync();
            clock.Mark("30% sent, silo killed");
            var ledger = new RecipientLedger(_database.DataSource);
            output.WriteLine($"Simulator traffic {traffic[0]} / {traffic[1]}: the campaign ran on host {runner}; killed host {victim}.");
            if (killTheRunner)
            {
                // Nothing recovers the campaign until the cluster has declared the silo dead: this is what it left.
                var cutOff = await ledger.CutOffAsync(campaign);
                output.WriteLine($"Cut off with the silo: {cutOff}.");
                Assert.Equal(0, cutOff.InNoBatch);
            }

            Assert.True(SimulatorTraffic.Total(_simulators) < Recipients, "The campaign finished before a silo was killed; nothing was tested.");

            var errorAnswers = new List<HttpStatusCode>();
            var finished = await new CampaignApi(survivor.Client).WaitUntilFinishedAsync(
                campaign, SurvivalTimeout, TimeSpan.FromSeconds(1), errorAnswers);
            clock.Mark("campaign completed on the survivor");
            Assert.True(finished.RuntimeStatus == "Completed", $"The campaign ended {finished}.");
            // While the cluster notices the loss, the status may be briefly unavailable, never a server error.
            output.WriteLine($"Status answers while the silo was lost: {string.Join(", ", errorAnswers.Select(a => (int)a))}");
            Assert.All(errorAnswers, answer => Assert.Equal(HttpStatusCode.ServiceUnavailable, answer));

            var recipients = await ledger.WaitUntilAllAsync(campaign, RecipientStatuses.Delivered, SettleTimeout);
            clock.Mark("every receipt in");
            var phones = Enumerable.Range(0, Recipients).Select(TestPhoneNumbers.Us).ToHashSet(StringComparer.Ordinal);
            var wrong = SimulatorTraffic.NotTextedExactlyOnce(_simulators, phones);
            Assert.True(wrong.Count == 0, $"{wrong.Count} numbers were not texted exactly once, e.g. {Sample(wrong.Select(w => $"{w.Key}: {w.Value}"))}.");
            Assert.Equal(Recipients, recipients.Count);
            var notDelivered = recipients.Where(r => r.Status != RecipientStatuses.Delivered).ToList();
            Assert.True(
                notDelivered.Count == 0,
                $"{notDelivered.Count} recipients did not end delivered: " +
                string.Join(", ", notDelivered.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}")) + ", e.g.\n" +
                await ledger.ExplainAsync(notDelivered.Take(10).Select(r => r.Id)));
            // A second attempt is no second SMS (checked above): the account's rate-lease grain may have lived on the
            // killed silo, and a request that could not get its token was certainly not sent and goes again.
            var resent = recipients.Count(r => r.Attempt > 1);
            output.WriteLine($"{resent} recipients needed a second attempt.");
        }
        finally
        {
            output.WriteLine(Describe(hosts));
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static string Sample<T>(IEnumerable<T> items) => string.Join("; ", items.Take(5));

    private static string Describe(IEnumerable<HostProcess> hosts) => string.Join("\n", hosts.Select(h => h.Describe(60)));
}

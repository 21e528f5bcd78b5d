using System.Net;
using MassCampaign.Data.Sending;
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
/// grain (its batch senders are stateless workers, always local to it).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SiloLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 20_000;
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SurvivalTimeout = TimeSpan.FromMinutes(3);

    private readonly PostgresDatabase _database = new();
    private VonageSimulator[] _simulators = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _simulators =
        [
            await VonageSimulator.StartAsync(new SimulatorOptions { LatencyMs = 5 }),
            await VonageSimulator.StartAsync(new SimulatorOptions { LatencyMs = 5 }),
        ];
    }

    public async Task DisposeAsync()
    {
        foreach (var simulator in _simulators)
        {
            await simulator.DisposeAsync();
        }

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
                }.InCluster(cluster).With("massCampaign:rateLimits:smsRequestsPerSecond", "0");
                var host = await HostProcess.StartAsync(options);
                hosts.Add(host);
                simulator.Configure(new SimulatorSettingsUpdate { DlrUrl = host.DeliveryReceiptUrl.AbsoluteUri });
            }

            clock.Mark("two silos ready");
            var api = new CampaignApi(hosts[0].Client);
            var campaign = await api.CreateSmsCampaignAsync("Silo loss", zone);
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
            var cutOff = (await ledger.InStatusAsync(campaign, RecipientStatuses.Sending)).Select(r => r.Id).ToHashSet();
            output.WriteLine(
                $"Simulator traffic {traffic[0]} / {traffic[1]}: the campaign ran on host {runner}; killed host {victim} " +
                $"with {cutOff.Count} recipients in 'sending'.");
            Assert.True(SimulatorTraffic.Total(_simulators) < Recipients, "The campaign finished before a silo was killed; nothing was tested.");

            var errorAnswers = new List<HttpStatusCode>();
            var finished = await new CampaignApi(survivor.Client).WaitUntilFinishedAsync(
                campaign, SurvivalTimeout, TimeSpan.FromSeconds(1), errorAnswers);
            clock.Mark("campaign completed on the survivor");
            Assert.True(finished.RuntimeStatus == "Completed", $"The campaign ended {finished}.");
            // While the cluster notices the loss, the status may be briefly unavailable, never a server error.
            output.WriteLine($"Status answers while the silo was lost: {string.Join(", ", errorAnswers.Select(a => (int)a))}");
            Assert.All(errorAnswers, answer => Assert.Equal(HttpStatusCode.ServiceUnavailable, answer));

            var texted = SimulatorTraffic.ByRecipient(_simulators);
            Assert.DoesNotContain(texted, t => t.Value > 1);
            var recipients = await ledger.AllAsync(campaign);
            Assert.Equal(Recipients, recipients.Count);
            Assert.DoesNotContain(recipients, r => !RecipientLedger.TerminalStatuses.Contains(r.Status));
            // Only a send cut off with its silo may be left unknown; everything else went out once and was recorded.
            var uncertain = recipients.Where(r => r.Status is not (RecipientStatuses.Sent or RecipientStatuses.Delivered)).ToList();
            Assert.DoesNotContain(uncertain, r => r.Status != RecipientStatuses.Unknown || !cutOff.Contains(r.Id));
            Assert.DoesNotContain(recipients, r => (r.Status is RecipientStatuses.Sent or RecipientStatuses.Delivered) && !texted.ContainsKey(r.Phone));
            if (!killTheRunner)
            {
                Assert.Empty(uncertain);
            }
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

    private static string Describe(IEnumerable<HostProcess> hosts) => string.Join("\n", hosts.Select(h => h.Describe(60)));
}

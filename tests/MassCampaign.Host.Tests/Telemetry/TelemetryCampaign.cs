using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassCampaign.Host.Tests.Lifecycle;
using MassCampaign.Simulator.Control;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Telemetry;

/// <summary>
/// One SMS campaign run the way an operator runs it, for the telemetry tests: created and imported over the API (one
/// row invalid), some numbers blacklisted first, sent through the Simulator with some refusals and failed receipts,
/// every receipt posted back and applied; then (<see cref="ReplyAsync"/>) a STOP from a recipient and a reply from a
/// number nobody knows.
/// </summary>
public sealed class TelemetryCampaign
{
    // Valid UK mobile numbers of a range no other test class uses.
    private static long _nextNumber = 447_420_000_000;

    private TelemetryCampaign(Guid id, IReadOnlyList<string> phones)
    {
        Id = id;
        Phones = phones;
    }

    public Guid Id { get; }

    public IReadOnlyList<string> Phones { get; }

    public static IDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["massCampaign:sendPath:batchSize"] = "10",
        ["massCampaign:rateLimits:smsRequestsPerSecond"] = "200",
        // Redis outlives test databases: a key space of its own keeps other runs' contact ids out.
        ["massCampaign:contactCache:KeyPrefix"] = $"test:{Guid.NewGuid():N}:contact:phone:",
    };

    public static async Task<TelemetryCampaign> SendAsync(LifecycleHost lifecycle, int recipients, int blacklisted)
    {
        var api = new CampaignApi(lifecycle.Client);
        var zone = OpenWindowZone.Now(TimeProvider.System);
        var id = await api.CreateSmsCampaignAsync("Telemetry test", zone);
        var phones = Enumerable.Range(0, recipients).Select(_ => "+" + Interlocked.Increment(ref _nextNumber)).ToArray();
        var csv = new StringBuilder("phone,first_name,timezone\n");
        foreach (var phone in phones)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{phone},Guest,{zone}\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"not-a-number,Bad,{zone}\n");
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        Assert.Equal(recipients, await api.ImportAsync(id, body));

        foreach (var phone in phones.Take(blacklisted))
        {
            using var added = await lifecycle.Client.PostAsJsonAsync("/api/blacklist", new { phone, reason = "telemetry test" });
            Assert.True(added.IsSuccessStatusCode, $"blacklisting {phone} answered {(int)added.StatusCode}");
        }

        lifecycle.Simulator.Configure(new SimulatorSettingsUpdate
        {
            PermanentFailureRate = 0.2,
            DlrFailureRate = 0.25,
            DlrDelayMs = 20,
            DlrUrl = new Uri(lifecycle.Host.BaseAddress, $"/api/sms/status?code={RunningHost.ApiKey}").AbsoluteUri,
        });

        await api.StartAsync(id);
        await api.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        var campaign = new TelemetryCampaign(id, phones);
        await Eventually.Until(() => campaign.ReportAsync(lifecycle), r => r.Totals.GetProperty("sent").GetInt64() == 0,
            "every sent SMS has its receipt applied", TimeSpan.FromSeconds(30));

        return campaign;
    }

    /// <summary>
    /// A recipient texts STOP and a stranger texts us. The STOP's confirmation is an SMS whose receipt comes whenever
    /// it comes: receipt counts are read before this.
    /// </summary>
    public async Task ReplyAsync(LifecycleHost lifecycle)
    {
        var delivered = (await lifecycle.Seed.RecipientStatusesAsync(Id)).First(s => s.Value == "delivered").Key;
        await lifecycle.InboundSmsAsync(delivered, "STOP");
        await lifecycle.InboundSmsAsync("+" + Interlocked.Increment(ref _nextNumber), "Who is this?");
    }

    public async Task<CampaignReportRead> ReportAsync(LifecycleHost lifecycle)
    {
        var report = await lifecycle.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{Id}/report");
        return new CampaignReportRead(report);
    }
}

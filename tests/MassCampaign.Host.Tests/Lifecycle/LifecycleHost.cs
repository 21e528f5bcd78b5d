using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Simulator;
using MassCampaign.Simulator.Sms;
using MassCampaign.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>The real host over a fresh database, with the in-process Simulator standing in for Vonage.</summary>
public sealed class LifecycleHost : IAsyncDisposable
{
    private LifecycleHost(VonageSimulator simulator, RunningHost host)
    {
        Simulator = simulator;
        Host = host;
        Seed = new CampaignSeeder(host.Database.DataSource);
    }

    public VonageSimulator Simulator { get; }

    public RunningHost Host { get; }

    public CampaignSeeder Seed { get; }

    public HttpClient Client => Host.Client;

    /// <param name="clock">Replaces the engine's clock, for calling-window tests.</param>
    public static async Task<LifecycleHost> StartAsync(IDictionary<string, string?> settings, IClock? clock = null)
    {
        var simulator = await VonageSimulator.StartAsync(new SimulatorOptions());
        var all = new Dictionary<string, string?>
        {
            ["Vonage:BaseUrl"] = simulator.BaseAddress.AbsoluteUri,
            ["Vonage:ApiKey"] = simulator.ApiKey,
            ["Vonage:ApiSecret"] = simulator.ApiSecret,
            ["massCampaign:sendPath:tickMilliseconds"] = "50",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var host = await RunningHost.StartAsync(all, clock is null ? null : services => services.AddSingleton(clock));
        return new LifecycleHost(simulator, host);
    }

    public Task<HttpResponseMessage> CommandAsync(Guid campaignId, string command) =>
        Client.PostAsync($"/api/campaigns/{campaignId}/{command}", null);

    public async Task<CampaignStatusRead> StatusAsync(Guid campaignId)
    {
        using var response = await Client.GetAsync($"/api/campaigns/{campaignId}/status");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new CampaignStatusRead(response.StatusCode, body, response.Headers.RetryAfter?.ToString());
    }

    public Task<CampaignStatusRead> WaitForStatusAsync(Guid campaignId, Func<CampaignStatusRead, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.Until(() => StatusAsync(campaignId), done, what, timeout);

    /// <summary>SMS the Simulator accepted for each of these numbers.</summary>
    public long SentTo(IEnumerable<string> phones)
    {
        var counts = Simulator.GetStats().SmsByRecipient;
        return phones.Sum(phone => counts.GetValueOrDefault(phone));
    }

    public long SentTo(SeededCampaign campaign) => SentTo(campaign.Phones);

    /// <summary>The SMS the Simulator accepted for one number, oldest first (of its last 1,000).</summary>
    public IReadOnlyList<ReceivedSms> ReceivedBy(string phone) =>
        [.. Simulator.ReceivedMessages().Where(sms => sms.To == phone.TrimStart('+'))];

    /// <summary>A handset texting us through the Simulator, which posts Vonage's inbound webhook to this host.</summary>
    public async Task InboundSmsAsync(string from, string text)
    {
        using var simulator = new HttpClient { BaseAddress = Simulator.BaseAddress };
        var url = new Uri(Host.BaseAddress, $"/api/sms/inbound?code={RunningHost.ApiKey}").AbsoluteUri;
        using var response = await simulator.PostAsJsonAsync("_sim/inbound", new { from, to = "447700900000", text, url });
        var delivery = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"the Simulator's inbound answered {(int)response.StatusCode}: {delivery}");
        Assert.All(delivery.GetProperty("parts").EnumerateArray(), part => Assert.Equal(200, part.GetProperty("httpStatus").GetInt32()));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

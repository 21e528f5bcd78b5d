using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Simulator;
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

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

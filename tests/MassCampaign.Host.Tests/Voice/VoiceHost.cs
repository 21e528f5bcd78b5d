using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassCampaign.Host.Tests.Lifecycle;
using MassCampaign.Simulator;
using MassCampaign.Testing;

namespace MassCampaign.Host.Tests.Voice;

/// <summary>
/// The real host with the in-process Simulator standing in for Vonage's SMS and Voice APIs. The host listens on a
/// port chosen up front, so the answer and event URLs it gives Vonage reach it; both share a throwaway application key.
/// </summary>
public sealed class VoiceHost : IAsyncDisposable
{
    private readonly string _keyPath;

    private VoiceHost(VonageSimulator simulator, RunningHost host, string keyPath)
    {
        Simulator = simulator;
        Host = host;
        _keyPath = keyPath;
        Api = new CampaignApi(host.Client);
        SimulatorClient = new HttpClient { BaseAddress = simulator.BaseAddress };
    }

    public VonageSimulator Simulator { get; }

    public RunningHost Host { get; }

    public CampaignApi Api { get; }

    public HttpClient Client => Host.Client;

    public HttpClient SimulatorClient { get; }

    /// <param name="callsPerSecond">The account's call rate, for the host's gate and the Simulator's 429 alike.</param>
    public static async Task<VoiceHost> StartAsync(int callsPerSecond, IDictionary<string, string?>? settings = null)
    {
        var keyPath = Path.Combine(Path.GetTempPath(), $"mc-voice-{Guid.NewGuid():N}.pem");
        using (var rsa = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(keyPath, rsa.ExportRSAPrivateKeyPem());
        }

        var simulator = await VonageSimulator.StartAsync(new SimulatorOptions
        {
            VoiceApplicationId = "test-app",
            VoicePrivateKeyPath = keyPath,
        });
        var port = FreePort();
        var publicBase = $"http://127.0.0.1:{port}";
        var all = new Dictionary<string, string?>
        {
            ["urls"] = publicBase,
            ["Host:PublicBaseUrl"] = publicBase,
            ["Vonage:BaseUrl"] = simulator.BaseAddress.AbsoluteUri,
            ["Vonage:ApiKey"] = simulator.ApiKey,
            ["Vonage:ApiSecret"] = simulator.ApiSecret,
            ["Vonage:VoiceBaseUrl"] = simulator.BaseAddress.AbsoluteUri,
            ["Vonage:ApplicationId"] = "test-app",
            ["Vonage:PrivateKeyPath"] = keyPath,
            ["massCampaign:rateLimits:voiceCallsPerSecond"] = callsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["massCampaign:sendPath:tickMilliseconds"] = "50",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = await RunningHost.StartAsync(all);
        var voiceHost = new VoiceHost(simulator, host, keyPath);
        await voiceHost.ConfigureSimulatorAsync(new
        {
            dlrUrl = $"{publicBase}/api/sms/status?code={RunningHost.ApiKey}",
            inboundUrl = $"{publicBase}/api/sms/inbound?code={RunningHost.ApiKey}",
            voice = new { callsPerSecond, answerDelayMs = 50, talkMsPerChar = 0 },
        });
        return voiceHost;
    }

    /// <summary>POST /_sim/config with this body, failing the test if the Simulator refuses it.</summary>
    public async Task ConfigureSimulatorAsync(object body)
    {
        using var response = await SimulatorClient.PostAsJsonAsync("_sim/config", body);
        Assert.True(response.IsSuccessStatusCode, $"the Simulator refused its config: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement> SimulatorStatsAsync() =>
        await SimulatorClient.GetFromJsonAsync<JsonElement>("_sim/stats");

    /// <summary>Creates a campaign from a full request body and imports one contact per phone, first names "Guest{i}".</summary>
    public async Task<Guid> CreateAsync(object body, IReadOnlyList<string> phones)
    {
        using var created = await Client.PostAsJsonAsync("api/campaigns", body);
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create answered {(int)created.StatusCode}: {text}");
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        var csv = new StringBuilder("phone,first_name,timezone\n");
        for (var i = 0; i < phones.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{phones[i]},Guest{i},America/New_York\n");
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        Assert.Equal(phones.Count, await Api.ImportAsync(id, content));
        return id;
    }

    public Task<CampaignStatusRead> StatusAsync(Guid campaignId) => ReadStatusAsync(campaignId);

    public Task<CampaignStatusRead> WaitForStatusAsync(Guid campaignId, Func<CampaignStatusRead, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.Until(() => ReadStatusAsync(campaignId), done, what, timeout);

    public async Task<JsonElement> ReportAsync(Guid campaignId) =>
        await Client.GetFromJsonAsync<JsonElement>($"api/campaigns/{campaignId}/report");

    /// <summary>Always-open window and the voice settings given, for a campaign of the given type.</summary>
    public static Dictionary<string, object?> Campaign(string type, string voiceScript, object settings, string? smsTemplate = null) => new()
    {
        ["name"] = $"{type} test",
        ["type"] = type,
        ["voiceScript"] = voiceScript,
        ["smsTemplate"] = smsTemplate,
        ["from"] = "15550001000",
        ["callingWindow"] = new Dictionary<string, object?> { ["start"] = "00:00", ["end"] = "23:59", ["timeZone"] = "UTC" },
        ["settings"] = settings,
    };

    public async ValueTask DisposeAsync()
    {
        SimulatorClient.Dispose();
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
        File.Delete(_keyPath);
    }

    private async Task<CampaignStatusRead> ReadStatusAsync(Guid campaignId)
    {
        using var response = await Client.GetAsync($"/api/campaigns/{campaignId}/status");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new CampaignStatusRead(response.StatusCode, body, response.Headers.RetryAfter?.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

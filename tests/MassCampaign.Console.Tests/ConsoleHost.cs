using System.Globalization;
using System.Net.Http.Json;
using MassCampaign.Simulator;
using MassCampaign.Simulator.Control;
using MassCampaign.Testing;

namespace MassCampaign.Console.Tests;

/// <summary>
/// The real host over a fresh database with the in-process Simulator as Vonage: receipts and inbound SMS are posted
/// back to the host, and the send rate is low enough that a person (or a browser test) can pause a campaign mid-run.
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    public const int SmsPerSecond = 5;

    private static int _nextPhone = 3_000_000;

    private ConsoleHost(VonageSimulator simulator, RunningHost host)
    {
        Simulator = simulator;
        Host = host;
        SimulatorClient = new HttpClient { BaseAddress = simulator.BaseAddress };
    }

    public VonageSimulator Simulator { get; }

    public RunningHost Host { get; }

    public HttpClient SimulatorClient { get; }

    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>A valid US number no other test has used: contacts and the blacklist are shared by every test of the host.</summary>
    public static string NewPhone() => TestPhoneNumbers.Us(Interlocked.Increment(ref _nextPhone));

    public static async Task<ConsoleHost> StartAsync()
    {
        var simulator = await VonageSimulator.StartAsync(new SimulatorOptions { DlrDelayMs = 50 });
        var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Vonage:BaseUrl"] = simulator.BaseAddress.AbsoluteUri,
            ["Vonage:ApiKey"] = simulator.ApiKey,
            ["Vonage:ApiSecret"] = simulator.ApiSecret,
            ["massCampaign:contactCache:KeyPrefix"] = $"test:{Guid.NewGuid():N}:contact:phone:",
            ["massCampaign:rateLimits:smsRequestsPerSecond"] = SmsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["massCampaign:sendPath:tickMilliseconds"] = "50",
        });
        var hostBase = host.BaseAddress.AbsoluteUri.TrimEnd('/');
        simulator.Configure(new SimulatorSettingsUpdate
        {
            DlrUrl = $"{hostBase}/api/sms/status?code={RunningHost.ApiKey}",
            InboundUrl = $"{hostBase}/api/sms/inbound?code={RunningHost.ApiKey}",
        });
        return new ConsoleHost(simulator, host);
    }

    /// <summary>A handset texting the campaign's sender, delivered by the Simulator as Vonage would.</summary>
    public async Task SendInboundAsync(string fromE164, string to, string text)
    {
        using var response = await SimulatorClient.PostAsJsonAsync("_sim/inbound", new InboundRequest(fromE164.TrimStart('+'), to, text));
        Assert.True(response.IsSuccessStatusCode, $"the Simulator refused the inbound SMS: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        SimulatorClient.Dispose();
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

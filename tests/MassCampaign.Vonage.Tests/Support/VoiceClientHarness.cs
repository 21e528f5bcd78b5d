using MassCampaign.Vonage.RateLimiting;
using MassCampaign.Vonage.Voice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MassCampaign.Vonage.Tests.Support;

/// <summary>A <see cref="VonageVoiceClient"/> wired through <c>AddVonageVoice</c>, pointed at a given base URL with a test key.</summary>
public sealed class VoiceClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private VoiceClientHarness(ServiceProvider services)
    {
        _services = services;
        Client = services.GetRequiredService<VonageVoiceClient>();
    }

    public VonageVoiceClient Client { get; }

    /// <summary>Fast retries and a high call rate by default, so tests measure behaviour, not patience.</summary>
    public static VoiceClientHarness For(Uri baseUrl, TestApplicationKey key, IDictionary<string, string?>? settings = null, IVoiceCallRateGate? gate = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["VoiceBaseUrl"] = baseUrl.AbsoluteUri,
            ["ApplicationId"] = key.ApplicationId,
            ["PrivateKeyPath"] = key.PrivateKeyPath,
            ["VoiceCallsPerSecond"] = "1000",
            ["RetryBaseDelay"] = "00:00:00.020",
            ["RetryMaxDelay"] = "00:00:00.100",
            ["RequestTimeout"] = "00:00:05",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var services = new ServiceCollection().AddLogging();
        if (gate is not null)
        {
            services.AddSingleton(gate);
        }

        services.AddVonageVoice(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return new VoiceClientHarness(services.BuildServiceProvider());
    }

    public static CallCreateRequest Call(string to = "+447700900123", VoiceMachineDetection detection = VoiceMachineDetection.LeaveMessage) =>
        new(to, "447700900000", new Uri("https://host.example/api/voice/answer?ref=1-1"), new Uri("https://host.example/api/voice/event?ref=1-1"),
            detection, 30);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

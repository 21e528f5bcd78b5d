using MassCampaign.Simulator;
using MassCampaign.Vonage.RateLimiting;
using MassCampaign.Vonage.Sms;
using Microsoft.Extensions.DependencyInjection;

namespace MassCampaign.Vonage.Tests.Support;

/// <summary>A <see cref="VonageSmsClient"/> wired through <c>AddVonageSms</c> and pointed at a given base URL.</summary>
public sealed class SmsClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SmsClientHarness(ServiceProvider services, RecordingTimeProvider time)
    {
        _services = services;
        Time = time;
        Client = services.GetRequiredService<VonageSmsClient>();
    }

    public VonageSmsClient Client { get; }

    public RecordingTimeProvider Time { get; }

    public static SmsClientHarness For(VonageSimulator simulator, Action<VonageOptions>? configure = null, IRequestRateGate? gate = null) =>
        For(
            simulator.BaseAddress,
            options =>
            {
                options.ApiKey = simulator.ApiKey;
                options.ApiSecret = simulator.ApiSecret;
                configure?.Invoke(options);
            },
            gate);

    /// <summary>Fast retries and a high rate by default, so tests measure behaviour, not patience.</summary>
    /// <param name="gate">The rate gate every attempt waits on; by default the token bucket at the configured rate.</param>
    public static SmsClientHarness For(Uri baseUrl, Action<VonageOptions>? configure = null, IRequestRateGate? gate = null)
    {
        void Apply(VonageOptions options)
        {
            options.BaseUrl = baseUrl;
            options.ApiKey = "simulator";
            options.ApiSecret = "simulator-secret";
            options.SmsRequestsPerSecond = 1_000;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            options.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
            options.RequestTimeout = TimeSpan.FromSeconds(5);
            configure?.Invoke(options);
        }

        var probe = new VonageOptions();
        Apply(probe);
        var time = new RecordingTimeProvider(probe.RequestTimeout);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time);
        if (gate is not null)
        {
            services.AddSingleton(gate);
        }

        var provider = services
            .AddVonageSms(Apply)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new SmsClientHarness(provider, time);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

using MassCampaign.Vonage.RateLimiting;
using MassCampaign.Vonage.Sms;
using MassCampaign.Vonage.Voice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MassCampaign.Vonage;

/// <summary>Wires the Vonage SMS client, its account-wide rate gate and its connection pool.</summary>
public static class VonageServiceCollectionExtensions
{
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(5);

    /// <param name="section">The "Vonage" configuration section, bound to <see cref="VonageOptions"/>.</param>
    public static IServiceCollection AddVonageSms(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<VonageOptions>().Bind(section);
        return services.AddVonageSmsCore();
    }

    public static IServiceCollection AddVonageSms(this IServiceCollection services, Action<VonageOptions> configure)
    {
        services.AddOptions<VonageOptions>().Configure(configure);
        return services.AddVonageSmsCore();
    }

    /// <summary>The Voice client and its call-rate gate; a cluster registers its shared <see cref="IVoiceCallRateGate"/> first.</summary>
    /// <param name="section">The "Vonage" configuration section, bound to <see cref="VonageOptions"/>.</param>
    public static IServiceCollection AddVonageVoice(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<VonageOptions>().Bind(section)
            .Validate(o => o.VoiceBaseUrl.IsAbsoluteUri, "Vonage:VoiceBaseUrl must be an absolute URL.")
            .Validate(o => o.VoiceCallsPerSecond > 0, "Vonage:VoiceCallsPerSecond must be positive.")
            .Validate(o => o.VoiceMaxAttempts > 0, "Vonage:VoiceMaxAttempts must be at least 1.")
            .Validate(o => o.VoiceLengthTimerSeconds is > 0 and <= 7200, "Vonage:VoiceLengthTimerSeconds must be from 1 to 7200.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IVoiceCallRateGate, LocalVoiceCallRateGate>();
        services.AddHttpClient<VonageVoiceClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => Handler(provider.GetRequiredService<IOptions<VonageOptions>>().Value))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        return services;
    }

    private static SocketsHttpHandler Handler(VonageOptions options) => new()
    {
        PooledConnectionLifetime = options.PooledConnectionLifetime,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
        // Shorter than the request timeout, so a connect that never completes is told apart: nothing was sent.
        ConnectTimeout = TimeSpan.FromTicks(Math.Min(MaxConnectTimeout.Ticks, options.RequestTimeout.Ticks / 2)),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };

    private static IServiceCollection AddVonageSmsCore(this IServiceCollection services)
    {
        services.AddOptions<VonageOptions>()
            .Validate(o => o.BaseUrl.IsAbsoluteUri, "Vonage:BaseUrl must be an absolute URL.")
            .Validate(o => o.SmsRequestsPerSecond > 0, "Vonage:SmsRequestsPerSecond must be positive.")
            .Validate(o => o.SmsMaxAttempts > 0, "Vonage:SmsMaxAttempts must be at least 1.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Vonage:RequestTimeout must be positive.");
        services.TryAddSingleton(TimeProvider.System);

        // TryAdd: the engine may register a cluster-wide gate first.
        services.TryAddSingleton<IRequestRateGate, VonageRateLimiter>();

        services.AddHttpClient<VonageSmsClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => Handler(provider.GetRequiredService<IOptions<VonageOptions>>().Value))
            // The handler pools connections itself; the factory must not rotate it underneath.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Per-request logging at 10,000 SMS/s would cost more than the sends.
            .RemoveAllLoggers();
        return services;
    }
}

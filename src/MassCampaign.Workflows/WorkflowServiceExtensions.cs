using MassCampaign.Data.Lifecycle;
using MassCampaign.Vonage;
using MassCampaign.Vonage.RateLimiting;
using MassCampaign.Vonage.Sms;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.RateLimiting;
using MassCampaign.Workflows.Sending;
using MassCampaign.Workflows.Dispatch;
using MassCampaign.Workflows.Storage;
using MassCampaign.Workflows.Voice;
using MassCampaign.Vonage.Voice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Npgsql;
using Orleans.Runtime.Hosting;

namespace MassCampaign.Workflows;

public static class WorkflowServiceExtensions
{
    /// <summary>
    /// What the campaign grains need inside a silo: options from host.json, the clock, the lifecycle repository, the
    /// gates' status lookup, the "campaigns" grain storage on PostgreSQL, and the Vonage SMS client behind the
    /// cluster-wide rate gate.
    /// Needs an <see cref="NpgsqlDataSource"/> and an <c>ISendPathRepository</c> registered.
    /// </summary>
    public static IServiceCollection AddCampaignWorkflows(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SendPathOptions>().Bind(config.GetSection(SendPathOptions.Section))
            .Validate(o => o.BatchSize > 0 && o.MaxBatchesInFlight > 0 && o.TickMilliseconds > 0,
                "massCampaign:sendPath needs a positive batchSize, maxBatchesInFlight and tickMilliseconds.");
        services.AddOptions<ConcurrencyOptions>().Bind(config.GetSection(ConcurrencyOptions.Section))
            .Validate(o => o.Sms > 0 && o.Voice > 0, "massCampaign:concurrency limits must be positive.");
        services.AddOptions<SmsRateLimitOptions>().Bind(config.GetSection(SmsRateLimitOptions.Section));

        // TryAdd: tests put a FakeClock in first.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICampaignLifecycleRepository, CampaignLifecycleRepository>();
        services.TryAddSingleton<SendPermits>();
        services.TryAddSingleton<RecentOptOuts>();
        services.TryAddSingleton<CampaignStatusLookup>();

        services.AddGrainStorage(GrainStorageNames.Campaigns, (provider, name) =>
            new NpgsqlGrainStorage(name, provider.GetRequiredService<NpgsqlDataSource>(), GrainStateJson.Options));

        // Registered as well as before the SMS client's TryAdd: the cluster gate wins whoever adds the client.
        services.AddSingleton<IRequestRateGate, ClusterSmsRateGate>();
        if (!services.Any(d => d.ServiceType == typeof(VonageSmsClient)))
        {
            services.AddVonageSms(config.GetSection(VonageOptions.SectionName));
        }

        return services.AddVoiceChannel(config);
    }

    /// <summary>The voice channel: its client behind the cluster-wide call rate, the URLs Vonage calls back, and the verdicts of call events.</summary>
    private static IServiceCollection AddVoiceChannel(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<VoiceRateLimitOptions>().Bind(config.GetSection(VoiceRateLimitOptions.Section));
        services.AddSingleton<IVoiceCallRateGate, ClusterVoiceCallRateGate>();
        if (!services.Any(d => d.ServiceType == typeof(VonageVoiceClient)))
        {
            services.AddVonageVoice(config.GetSection(VonageOptions.SectionName));
        }

        services.TryAddSingleton(_ => VoiceWebhookUrlsFrom(config));
        services.TryAddSingleton<CallVerdicts>();
        services.TryAddSingleton<UnnamedCallFinder>();
        services.TryAddSingleton<CallSettler>();
        services.TryAddSingleton<CampaignDispatchers>();
        return services;
    }

    /// <summary>Signed callbacks need no key in their URLs; unsigned ones carry the first function key, as SMS webhooks do.</summary>
    private static VoiceWebhookUrls VoiceWebhookUrlsFrom(IConfiguration config)
    {
        var publicBase = config["Host:PublicBaseUrl"] is { Length: > 0 } configured ? configured : "http://127.0.0.1:7071";
        var signed = !string.IsNullOrEmpty(config[$"{VonageOptions.SectionName}:SignatureSecret"]);
        return new VoiceWebhookUrls(new Uri(publicBase.TrimEnd('/') + "/"), signed ? null : config["Auth:Keys:0"]);
    }
}

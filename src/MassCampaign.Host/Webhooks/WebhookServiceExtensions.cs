using MassCampaign.Data.Caching;
using MassCampaign.Data.Inbound;
using MassCampaign.Data.Receipts;
using MassCampaign.Host.Voice;
using MassCampaign.Vonage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MassCampaign.Host.Webhooks;

public static class WebhookServiceExtensions
{
    /// <summary>The SMS webhooks: receipt group commit, applier and reconciliation, inbound storage, the replies read side.</summary>
    public static IServiceCollection AddSmsWebhooks(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<VonageOptions>().Bind(config.GetSection(VonageOptions.SectionName));
        services.AddOptions<ReceiptOptions>().Bind(config.GetSection(ReceiptOptions.Section))
            .Validate(o => o.MaxBatchSize > 0 && o.Writers > 0 && o.QueueCapacity > 0 && o.ApplyBatchSize > 0, "massCampaign:receipts sizes must be positive.")
            .Validate(o => o.ReconcileInterval > TimeSpan.Zero && o.ApplyInterval > TimeSpan.Zero, "massCampaign:receipts intervals must be positive.")
            .Validate(o => o.ReconcileBatchSize > 0 && o.ReconcileMaxAttempts > 0, "massCampaign:receipts reconcile sizes must be positive.");
        services.AddOptions<MessagingOptions>().Bind(config.GetSection(MessagingOptions.Section));

        services.AddSingleton<ReceiptInbox>();
        services.AddSingleton<DeliveryReceiptStore>();
        services.AddSingleton<DeliveryReceiptWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryReceiptWriter>());
        services.AddHostedService<ReceiptApplier>();
        services.AddHostedService<ReceiptReconciler>();

        services.AddSingleton(config.GetSection(ContactPhoneCacheOptions.Section).Get<ContactPhoneCacheOptions>() ?? new ContactPhoneCacheOptions());
        services.AddSingleton<ContactPhoneCache>();
        services.AddSingleton<ContactDirectory>();
        services.AddSingleton<InboundSmsStore>();
        services.AddSingleton<SmsReplyQueries>();
        services.AddSingleton<KeywordResponder>();
        services.AddSingleton<InboundSmsHandler>();
        return services;
    }

    /// <summary>The voice webhooks: their guard and the answer, event and input handlers.</summary>
    public static IServiceCollection AddVoiceWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<VoiceWebhookGuard>();
        services.AddSingleton<VoiceAnswerHandler>();
        services.AddSingleton<VoiceEventHandler>();
        services.AddSingleton<VoiceInputHandler>();
        return services;
    }
}

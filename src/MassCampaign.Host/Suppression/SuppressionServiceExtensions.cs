using MassCampaign.Data.Suppression;
using MassCampaign.Domain.Contacts;
using MassCampaign.Vonage;
using MassCampaign.Vonage.Sms;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MassCampaign.Host.Suppression;

public static class SuppressionServiceExtensions
{
    /// <summary>The blacklist API's services and the sender of keyword answers (through the Vonage SMS client).</summary>
    public static IServiceCollection AddSuppression(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(_ => new PhoneNumberNormalizer(config["massCampaign:contacts:defaultRegion"] ?? "US"));
        services.AddSingleton<PhoneInput>();
        services.AddSingleton<BlacklistRepository>();

        // The send path registers the same client; one registration is enough.
        if (!services.Any(d => d.ServiceType == typeof(VonageSmsClient)))
        {
            services.AddVonageSms(config.GetSection(VonageOptions.SectionName));
        }

        services.AddSingleton<SmsOutbox>();
        services.AddSingleton<KeywordAnswerSignal>();
        services.AddHostedService<KeywordAnswerSender>();
        return services;
    }
}

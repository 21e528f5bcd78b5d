using MassCampaign.Data.Campaigns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MassCampaign.Host.Campaigns;

public static class CampaignServiceCollectionExtensions
{
    /// <summary>The campaigns API: repository, request validation and the configured calling-window defaults.</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration config)
    {
        services.AddCampaignData();
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<CallingWindowDefaults>(config.GetSection(CallingWindowDefaults.Section));
        services.TryAddSingleton<CampaignRequestValidator>();
        return services;
    }
}

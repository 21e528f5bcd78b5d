using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MassCampaign.Data.Campaigns;

public static class CampaignDataServiceCollectionExtensions
{
    /// <summary>The campaign repository; needs an NpgsqlDataSource registered.</summary>
    public static IServiceCollection AddCampaignData(this IServiceCollection services)
    {
        services.TryAddSingleton<CampaignRepository>();
        return services;
    }
}

using MassCampaign.Data.Suppression;
using MassCampaign.Data.Reporting;
using MassCampaign.Data.Voice;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MassCampaign.Data.Sending;

public static class SendPathServiceCollectionExtensions
{
    /// <summary>The send path's repositories (SMS and voice) and the reports that read what they wrote; needs an NpgsqlDataSource registered.</summary>
    public static IServiceCollection AddSendPathData(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISendPathRepository, SendPathRepository>();
        services.TryAddSingleton<RecentBlacklistQueries>();
        services.TryAddSingleton<RecipientReopening>();
        services.TryAddSingleton<CampaignReportQueries>();
        services.TryAddSingleton<CallRepository>();
        services.TryAddSingleton<CallEventStore>();
        services.TryAddSingleton<HybridFollowUps>();
        services.TryAddSingleton<CallTallyQueries>();
        services.TryAddSingleton<RecipientCounters>();
        return services;
    }
}

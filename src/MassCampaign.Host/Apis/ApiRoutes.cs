using MassCampaign.Host.Security;

namespace MassCampaign.Host.Apis;

public static class ApiRoutes
{
    /// <summary>Everything under /api; the operator API behind a function key, webhooks with their own guard.</summary>
    public static void MapMassCampaignApis(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        var secured = api.MapGroup("").AddEndpointFilter<ApiKeyEndpointFilter>();
        secured.MapCampaignsApi();
        secured.MapContactsApi();
        api.MapWebhooksApi();
        api.MapVoiceWebhooksApi();
        secured.MapBlacklistApi();
        secured.MapCampaignLifecycleApi();
        secured.MapCampaignResendApi();
        secured.MapCampaignTypesApi();
        secured.MapRepliesApi();
        secured.MapReportsApi();
    }
}

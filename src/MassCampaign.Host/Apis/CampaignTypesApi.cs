using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Gates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassCampaign.Host.Apis;

public static class CampaignTypesApi
{
    /// <summary>How full each campaign type's gate is: its limit, who runs and who waits.</summary>
    public static void MapCampaignTypesApi(this IEndpointRouteBuilder secured)
    {
        secured.MapGet("/campaign-types", ListAsync)
            .WithTags("Campaign types")
            .WithSummary("List each campaign type's concurrency limit with its active and queued campaigns");
    }

    public static async Task<Ok<IReadOnlyList<CampaignTypeUsage>>> ListAsync(IGrainFactory grains)
    {
        var usage = await Task.WhenAll(ConcurrencyOptions.GateKeys.Select(async type =>
            CampaignTypeUsage.Of(type, await grains.GetGrain<ICampaignTypeGate>(type).GetSnapshotAsync())));
        return TypedResults.Ok<IReadOnlyList<CampaignTypeUsage>>(usage);
    }
}

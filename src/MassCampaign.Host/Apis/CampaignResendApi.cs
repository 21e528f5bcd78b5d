using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Campaigns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassCampaign.Host.Apis;

public static class CampaignResendApi
{
    /// <summary>POST /api/campaigns/{id}/resend {statuses: [...]}: a new attempt for recipients with those outcomes.</summary>
    public static void MapCampaignResendApi(this RouteGroupBuilder secured) =>
        secured.MapPost("/campaigns/{id:guid}/resend", ResendAsync).WithTags("Campaign lifecycle");

    /// <summary>202 with what was reopened; 400 for statuses that cannot be resent; 409 when the campaign cannot resend now; 404.</summary>
    public static async Task<Results<Accepted<ResendResponse>, ProblemHttpResult>> ResendAsync(
        Guid id, ResendRequest request, HttpRequest http, IGrainFactory grains)
    {
        var statuses = request.Statuses?.Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        if (ResendableStatuses.Problem(statuses) is { } problem)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid statuses", detail: problem);
        }

        var answer = await grains.GetGrain<ICampaignGrain>(id).ResendAsync(statuses!);
        return answer.Result.Outcome switch
        {
            LifecycleOutcome.Accepted => Accepted(http, id, answer),
            LifecycleOutcome.NotFound => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Campaign not found", detail: $"No campaign has id {id}."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "The campaign cannot resend now", detail: answer.Result.Detail),
        };
    }

    private static Accepted<ResendResponse> Accepted(HttpRequest http, Guid id, ResendAnswer answer)
    {
        var uris = CampaignManagementUris.For(http, id);
        return TypedResults.Accepted(uris.StatusQueryGetUri, new ResendResponse(id, answer.Reopened, answer.AtAttemptCap, uris.StatusQueryGetUri));
    }
}

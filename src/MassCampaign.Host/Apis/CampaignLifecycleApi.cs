using MassCampaign.Data.Voice;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Campaigns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassCampaign.Host.Apis;

public static class CampaignLifecycleApi
{
    /// <summary>Start, pause, resume and stop a campaign, and read its Durable-shaped status.</summary>
    public static void MapCampaignLifecycleApi(this RouteGroupBuilder secured)
    {
        var campaigns = secured.MapGroup("/campaigns/{id:guid}").WithTags("Campaign lifecycle");
        campaigns.MapPost("/start", (Guid id, HttpRequest request, IGrainFactory grains) =>
            CommandAsync(id, request, grains.GetGrain<ICampaignGrain>(id).StartAsync()));
        campaigns.MapPost("/pause", (Guid id, HttpRequest request, IGrainFactory grains) =>
            CommandAsync(id, request, grains.GetGrain<ICampaignGrain>(id).PauseAsync()));
        campaigns.MapPost("/resume", (Guid id, HttpRequest request, IGrainFactory grains) =>
            CommandAsync(id, request, grains.GetGrain<ICampaignGrain>(id).ResumeAsync()));
        campaigns.MapPost("/stop", (Guid id, HttpRequest request, IGrainFactory grains) =>
            CommandAsync(id, request, grains.GetGrain<ICampaignGrain>(id).StopAsync()));
        campaigns.MapGet("/status", StatusAsync);
    }

    /// <summary>202 with the management URIs, 409 with the state machine's reason, or 404.</summary>
    private static async Task<Results<Accepted<CampaignManagementUris>, ProblemHttpResult>> CommandAsync(
        Guid id, HttpRequest request, Task<LifecycleResult> command)
    {
        var result = await command;
        return result.Outcome switch
        {
            LifecycleOutcome.Accepted => Accepted(request, id),
            LifecycleOutcome.NotFound => NotFound(id),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The campaign cannot do that now", detail: result.Detail),
        };
    }

    /// <summary>200 once the campaign has ended, 202 with Retry-After while it has not.</summary>
    private static async Task<Results<Ok<CampaignStatusResponse>, Accepted<CampaignStatusResponse>, ProblemHttpResult>> StatusAsync(
        Guid id, HttpRequest request, IGrainFactory grains, CallTallyQueries calls, CancellationToken ct)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetStatusAsync() is not { } view)
        {
            return NotFound(id);
        }

        var response = CampaignStatusResponse.From(view, view.Type == CampaignType.Sms ? null : await calls.ReadAsync(id, ct));
        if (view.IsFinished)
        {
            return TypedResults.Ok(response);
        }

        request.HttpContext.Response.Headers.RetryAfter = "2";
        return TypedResults.Accepted(CampaignManagementUris.For(request, id).StatusQueryGetUri, response);
    }

    private static Accepted<CampaignManagementUris> Accepted(HttpRequest request, Guid id)
    {
        var uris = CampaignManagementUris.For(request, id);
        return TypedResults.Accepted(uris.StatusQueryGetUri, uris);
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Campaign not found", detail: $"No campaign has id {id}.");
}

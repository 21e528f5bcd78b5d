using MassCampaign.Data.Inbound;
using MassCampaign.Host.Replies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassCampaign.Host.Apis;

public static class RepliesApi
{
    private const int MaxPageSize = 500;
    private static readonly string[] Classifications = ["reply", "opt_out", "opt_in", "help"];

    /// <summary>GET /api/campaigns/{id}/replies?page=1&amp;pageSize=50&amp;classification=reply</summary>
    public static void MapRepliesApi(this RouteGroupBuilder secured) =>
        secured.MapGet("/campaigns/{id:guid}/replies", ListAsync).WithTags("Campaigns");

    private static async Task<Results<Ok<ReplyPageResponse>, ProblemHttpResult>> ListAsync(
        Guid id, SmsReplyQueries replies, CancellationToken ct, int page = 1, int pageSize = 50, string? classification = null)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid paging",
                detail: $"page counts from 1 and pageSize is between 1 and {MaxPageSize}.");
        }

        if (classification is not null && !Classifications.Contains(classification))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid classification",
                detail: $"classification is one of {string.Join(", ", Classifications)}.");
        }

        if (!await replies.CampaignExistsAsync(id, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Campaign not found", detail: $"No campaign has id {id}.");
        }

        var counts = await replies.CountByCampaignAsync(id, ct);
        var rows = await replies.ListByCampaignAsync(id, classification, (page - 1L) * pageSize, pageSize, ct);
        var total = classification switch
        {
            "reply" => counts.Replies,
            "opt_out" => counts.OptOuts,
            "opt_in" => counts.OptIns,
            "help" => counts.Help,
            _ => counts.Total,
        };
        return TypedResults.Ok(new ReplyPageResponse(id, page, pageSize, total, counts, [.. rows.Select(ReplyResponse.From)]));
    }
}

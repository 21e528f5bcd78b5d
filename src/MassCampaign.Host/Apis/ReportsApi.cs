using MassCampaign.Data.Reporting;
using MassCampaign.Data.Voice;
using MassCampaign.Host.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassCampaign.Host.Apis;

public static class ReportsApi
{
    /// <summary>A campaign's report and its per-recipient outcomes (JSON pages or a CSV download).</summary>
    public static void MapReportsApi(this IEndpointRouteBuilder secured)
    {
        var campaign = secured.MapGroup("/campaigns/{id:guid}").WithTags("Reports");
        campaign.MapGet("/report", GetReportAsync).WithName("GetCampaignReport");
        campaign.MapGet("/recipients", GetRecipientsAsync).WithName("GetCampaignRecipients");
    }

    public static async Task<Results<Ok<CampaignReport>, ProblemHttpResult>> GetReportAsync(
        Guid id, CampaignReportQueries queries, CallTallyQueries calls, CancellationToken ct)
    {
        if (await queries.GetReportAsync(id, ct) is not { } report)
        {
            return CampaignNotFound(id);
        }

        return TypedResults.Ok(report.Type == "sms" ? report : report with { Calls = await calls.ReadAsync(id, ct) });
    }

    /// <param name="status">Comma-separated status names (pending, sent, delivered, failed, skipped, …); all when absent.</param>
    /// <param name="page">1-based page of the JSON list.</param>
    /// <param name="pageSize">1 to 1000, default 100.</param>
    /// <param name="format">json (default) or csv: the whole filtered list, streamed.</param>
    public static async Task<Results<Ok<RecipientPage>, PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetRecipientsAsync(
        Guid id, string? status, string? page, string? pageSize, string? format, CampaignReportQueries queries, CancellationToken ct)
    {
        if (!RecipientListQuery.TryParse(status, page, pageSize, format, out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "The recipient list query is not valid");
        }

        if (query.AsCsv)
        {
            // Checked before the first byte: once streaming has begun the status code can no longer change.
            return await queries.CampaignExistsAsync(id, ct)
                ? TypedResults.Stream(
                    body => RecipientCsvWriter.WriteAsync(body, queries.StreamRecipientsAsync(id, query.Statuses, ct), ct),
                    "text/csv; charset=utf-8",
                    $"campaign-{id}-recipients.csv")
                : CampaignNotFound(id);
        }

        return await queries.GetRecipientPageAsync(id, query.Statuses, query.Page, query.PageSize, ct) is { } result
            ? TypedResults.Ok(result)
            : CampaignNotFound(id);
    }

    private static ProblemHttpResult CampaignNotFound(Guid id) =>
        TypedResults.Problem(
            title: "Campaign not found",
            detail: $"No campaign has the id {id}.",
            statusCode: StatusCodes.Status404NotFound);
}

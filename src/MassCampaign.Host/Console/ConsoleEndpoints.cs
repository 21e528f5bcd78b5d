using MassCampaign.Data.Campaigns;
using MassCampaign.Data.Reporting;
using MassCampaign.Host.Apis;
using MassCampaign.Host.Contacts;
using MassCampaign.Host.OperatorConsole.Feeds;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.OperatorConsole;

/// <summary>
/// The console's non-page endpoints: pushed progress (server-sent events), the contact upload and the CSV export.
/// Upload and export run the API's own handlers, so the console answers exactly what the API would.
/// </summary>
public static class ConsoleEndpoints
{
    public static void MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        var console = app.MapGroup(ConsoleServiceExtensions.BasePath).RequireAuthorization(ConsoleServiceExtensions.Policy).ExcludeFromDescription();
        console.MapGet("/events/campaigns", (string? status, string? type, int? page, CampaignListFeed feed, CancellationToken ct) =>
            TypedResults.ServerSentEvents(feed.ReadAsync(CampaignListFilter.Parse(status, type, page), ct), "progress"));
        console.MapGet("/events/campaigns/{id:guid}", (Guid id, long? after, CampaignPageFeed feed, CancellationToken ct) =>
            TypedResults.ServerSentEvents(feed.ReadAsync(id, after ?? 0, ct), "campaign"));
        console.MapPost("/campaigns/{id:guid}/contacts", UploadAsync);
        console.MapGet("/campaigns/{id:guid}/export.csv", (Guid id, CampaignReportQueries queries, CancellationToken ct) =>
            ReportsApi.GetRecipientsAsync(id, null, null, null, "csv", queries, ct));
    }

    /// <summary>The raw CSV body an XMLHttpRequest streams (so the page can show upload progress), checked for its antiforgery header.</summary>
    private static async Task<IResult> UploadAsync(
        Guid id, HttpContext context, IAntiforgery antiforgery, CampaignRepository campaigns, ContactImporter importer,
        IOptions<ContactImportOptions> options, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing antiforgery token",
                detail: $"Upload from the campaign page; it sends the {ConsoleServiceExtensions.AntiforgeryHeader} header.");
        }

        return (await ContactsApi.ImportAsync(id, context, campaigns, importer, options, ct)).Result;
    }
}

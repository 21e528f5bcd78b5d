using MassCampaign.Data.Contacts;
using MassCampaign.Data.Campaigns;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Host.Campaigns;
using MassCampaign.Host.Contacts;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MassCampaign.Host.Apis;

/// <summary>Contact import into a campaign: a CSV or JSON body streamed straight into PostgreSQL.</summary>
public static class ContactsApi
{
    public static void MapContactsApi(this IEndpointRouteBuilder secured)
    {
        secured.MapPost("/campaigns/{id:guid}/contacts", ImportAsync)
            .WithTags("Contacts")
            .WithSummary("Import contacts into a campaign")
            .WithDescription(
                "Body: text/csv with a header row (phone, first_name, last_name, timezone; other columns become attributes), " +
                "or application/json: an array of {phone, first_name, last_name, timezone, attributes}. " +
                "Answers {imported, duplicates, rejected: [{row, phone, reason}], rejectedCount}.");
    }

    public static async Task<Results<Ok<ContactImportResult>, ProblemHttpResult>> ImportAsync(
        Guid id, HttpContext context, CampaignRepository campaigns, ContactImporter importer,
        IOptions<ContactImportOptions> options, CancellationToken cancellationToken)
    {
        var format = BodyFormatOf(context.Request.ContentType);
        if (format is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type",
                detail: $"Send the contacts as text/csv or application/json, not '{context.Request.ContentType ?? "(none)"}'.");
        }

        var campaign = await campaigns.FindAsync(id, cancellationToken);
        if (campaign is null)
        {
            return CampaignsApi.NotFound(id);
        }

        if (CampaignTransitions.IsTerminal(campaign.Status))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Campaign is finished",
                detail: $"The campaign is {CampaignStatusNames.ToWire(campaign.Status)}; contacts can only be added to a campaign that has not finished.");
        }

        // Imports are far larger than the server's default body limit; the reader streams them, so size costs no memory.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxImportBytes;
        }

        var body = context.Request.Body;
        var rows = format == "csv"
            ? CsvContactReader.ReadAsync(body, cancellationToken)
            : JsonContactReader.ReadAsync(body, cancellationToken);
        var zone = CallingWindowDocument.Parse(campaign.CallingWindowJson).TimeZone;
        try
        {
            return TypedResults.Ok(await importer.ImportAsync(id, zone, rows, cancellationToken));
        }
        catch (ContactImportException e)
        {
            return Unreadable(e);
        }
        catch (CampaignFinishedException)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Campaign finished during the import",
                detail: "The campaign ended while its contacts were being imported. Rows written before it ended are part of it and "
                    + "were sent like the others; the rest were not added. Import them into a new campaign.");
        }
    }

    /// <summary>400 naming the row; the rows before it were imported, and the problem counts them as a success would.</summary>
    private static ProblemHttpResult Unreadable(ContactImportException e)
    {
        var partial = e.Partial ?? new ContactImportResult(0, 0, [], 0);
        var kept = partial.Imported + partial.Duplicates + partial.RejectedCount == 0
            ? " Nothing was imported."
            : $" The rows before it were processed ({partial.Imported} imported, {partial.Duplicates} duplicates, " +
              $"{partial.RejectedCount} rejected); fix the file and send it again: rows already imported count as duplicates.";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: e.Title,
            detail: e.Message + kept,
            extensions: new Dictionary<string, object?>
            {
                ["row"] = e.Row,
                ["imported"] = partial.Imported,
                ["duplicates"] = partial.Duplicates,
                ["rejected"] = partial.Rejected,
                ["rejectedCount"] = partial.RejectedCount,
            });
    }

    private static string? BodyFormatOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/csv" or "application/csv" => "csv",
            "application/json" => "json",
            _ => null,
        };
    }
}

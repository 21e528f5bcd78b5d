using MassCampaign.Domain.Recipients;
using MassCampaign.Data.Campaigns;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Host.Campaigns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassCampaign.Host.Apis;

/// <summary>Create, list, read, replace and delete campaigns; edits only while a campaign is a draft.</summary>
public static class CampaignsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static void MapCampaignsApi(this IEndpointRouteBuilder secured)
    {
        var campaigns = secured.MapGroup("/campaigns").WithTags("Campaigns");
        campaigns.MapPost("", CreateAsync).WithSummary("Create a draft campaign");
        campaigns.MapGet("", ListAsync).WithSummary("List campaigns, newest first, filtered by status and type");
        campaigns.MapGet("/{id:guid}", GetAsync).WithSummary("Read a campaign with its recipient counts");
        campaigns.MapPut("/{id:guid}", ReplaceAsync).WithSummary("Replace a draft campaign");
        campaigns.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a draft campaign and its recipients");
    }

    public static async Task<Results<Created<CampaignResponse>, ValidationProblem>> CreateAsync(
        CampaignRequest request, CampaignRequestValidator validator, CampaignRepository campaigns, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!validator.TryValidate(request, out var valid, out var errors))
        {
            return Invalid(errors);
        }

        var now = time.GetUtcNow();
        var campaign = valid!.ToRecord(Guid.CreateVersion7(now), CampaignStatus.Draft, now.UtcDateTime, now.UtcDateTime);
        await campaigns.InsertAsync(campaign, cancellationToken);
        return TypedResults.Created($"/api/campaigns/{campaign.Id}", CampaignResponse.Of(campaign, RecipientTally.Empty));
    }

    public static async Task<Results<Ok<CampaignListResponse>, ValidationProblem>> ListAsync(
        string? status, string? type, string? page, string? pageSize, CampaignRepository campaigns,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CampaignStatus? statusFilter = null;
        CampaignType? typeFilter = null;
        if (status is not null)
        {
            statusFilter = CampaignStatusNames.TryParse(status, out var parsed) ? parsed : null;
            AddIf(errors, statusFilter is null, "status", $"'{status}' is not a status; use one of {string.Join(", ", CampaignStatusNames.All)}.");
        }

        if (type is not null)
        {
            typeFilter = CampaignTypeNames.TryParse(type, out var parsed) ? parsed : null;
            AddIf(errors, typeFilter is null, "type", $"'{type}' is not a campaign type; use one of {string.Join(", ", CampaignTypeNames.All)}.");
        }

        var pageNumber = ParseInt(page, 1, 1, 1_000_000, "page", errors);
        var size = ParseInt(pageSize, DefaultPageSize, 1, MaxPageSize, "pageSize", errors);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var found = await campaigns.ListAsync(new CampaignListQuery(statusFilter, typeFilter, pageNumber, size), cancellationToken);
        var items = found.Items.Select(c => CampaignResponse.Of(c, found.CountsOf(c.Id))).ToList();
        return TypedResults.Ok(new CampaignListResponse(items, pageNumber, size, found.Total));
    }

    public static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> GetAsync(
        Guid id, CampaignRepository campaigns, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(id, cancellationToken);
        if (campaign is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(await WithCountsAsync(campaign, campaigns, cancellationToken));
    }

    public static async Task<Results<Ok<CampaignResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Guid id, CampaignRequest request, CampaignRequestValidator validator, CampaignRepository campaigns, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!validator.TryValidate(request, out var valid, out var errors))
        {
            return Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var change = await campaigns.ReplaceDraftAsync(valid!.ToRecord(id, CampaignStatus.Draft, now, now), cancellationToken);
        return change.Outcome switch
        {
            DraftChangeOutcome.Done => TypedResults.Ok(await WithCountsAsync(change.Campaign!, campaigns, cancellationToken)),
            DraftChangeOutcome.NotFound => NotFound(id),
            _ => NotDraft(change.Status!.Value, "edited"),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, CampaignRepository campaigns, CancellationToken cancellationToken)
    {
        var change = await campaigns.DeleteDraftAsync(id, cancellationToken);
        return change.Outcome switch
        {
            DraftChangeOutcome.Done => TypedResults.NoContent(),
            DraftChangeOutcome.NotFound => NotFound(id),
            _ => NotDraft(change.Status!.Value, "deleted"),
        };
    }

    public static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Campaign not found",
        detail: $"No campaign has id {id}; list campaigns with GET /api/campaigns.");

    private static ProblemHttpResult NotDraft(CampaignStatus status, string verb) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Campaign is not a draft",
        detail: $"The campaign is {CampaignStatusNames.ToWire(status)}; only a draft campaign can be {verb}.");

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: "The request has invalid fields",
        detail: "Fix each field listed under errors and send the request again.");

    private static async Task<CampaignResponse> WithCountsAsync(
        CampaignRecord campaign, CampaignRepository campaigns, CancellationToken cancellationToken)
    {
        var counts = await campaigns.RecipientCountsAsync([campaign.Id], cancellationToken);
        return CampaignResponse.Of(campaign, counts.GetValueOrDefault(campaign.Id, RecipientTally.Empty));
    }

    private static int ParseInt(string? text, int fallback, int min, int max, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[field] = [$"'{text}' is not allowed; use a whole number from {min} to {max}."];
        return fallback;
    }

    private static void AddIf(Dictionary<string, string[]> errors, bool condition, string field, string message)
    {
        if (condition)
        {
            errors[field] = [message];
        }
    }
}

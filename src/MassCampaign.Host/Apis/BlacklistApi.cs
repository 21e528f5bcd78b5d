using MassCampaign.Workflows.Sending;
using MassCampaign.Data.Suppression;
using MassCampaign.Host.Suppression;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassCampaign.Host.Apis;

public static class BlacklistApi
{
    private const int MaxReasonLength = 500;

    /// <summary>Operator-managed suppression; every add and removal leaves a consent event behind.</summary>
    public static void MapBlacklistApi(this RouteGroupBuilder secured)
    {
        var blacklist = secured.MapGroup("/blacklist").WithTags("Blacklist");
        blacklist.MapPost("", AddAsync);
        blacklist.MapGet("/{phone}", GetAsync).WithName("GetBlacklistEntry");
        blacklist.MapDelete("/{phone}", RemoveAsync);
    }

    /// <summary>201 with the new entry, or 200 with the entry already there (the call is idempotent).</summary>
    public static async Task<Results<Created<BlacklistEntryResponse>, Ok<BlacklistEntryResponse>, ProblemHttpResult>> AddAsync(
        BlacklistAddRequest request, PhoneInput phones, BlacklistRepository blacklist, RecentOptOuts optOuts, CancellationToken ct)
    {
        var phone = phones.FromOperator(request.Phone);
        if (!phone.IsValid)
        {
            return InvalidPhone(request.Phone, phone.Reason);
        }

        var source = request.Source?.Trim().ToLowerInvariant() ?? BlacklistSources.Operator;
        if (!BlacklistSources.OperatorChoices.Contains(source))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid source",
                detail: $"source must be one of {string.Join(", ", BlacklistSources.OperatorChoices)}; STOP and DTMF opt-outs are recorded by the system.");
        }

        if (request.Reason is { Length: > MaxReasonLength })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Reason too long",
                detail: $"reason may be at most {MaxReasonLength} characters.");
        }

        var result = await blacklist.AddAsync(phone.E164!, string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), source, ct);
        // This host's senders hold the number back from now on; the answer waits for a request to it already under way.
        await optOuts.AddAsync(result.Entry.Phone, ct);
        var entry = BlacklistEntryResponse.From(result.Entry);
        return result.Created
            ? TypedResults.Created($"/api/blacklist/{Uri.EscapeDataString(entry.Phone)}", entry)
            : TypedResults.Ok(entry);
    }

    private static async Task<Results<Ok<BlacklistEntryResponse>, ProblemHttpResult>> GetAsync(
        string phone, PhoneInput phones, BlacklistRepository blacklist, CancellationToken ct)
    {
        var normalized = phones.FromOperator(phone);
        if (!normalized.IsValid)
        {
            return InvalidPhone(phone, normalized.Reason);
        }

        return await blacklist.GetAsync(normalized.E164!, ct) is { } entry
            ? TypedResults.Ok(BlacklistEntryResponse.From(entry))
            : NotListed(normalized.E164!);
    }

    /// <summary>204 once removed; the consent trail keeps both the add and the removal.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string phone, PhoneInput phones, BlacklistRepository blacklist, CancellationToken ct)
    {
        var normalized = phones.FromOperator(phone);
        if (!normalized.IsValid)
        {
            return InvalidPhone(phone, normalized.Reason);
        }

        return await blacklist.RemoveAsync(normalized.E164!, ct) is not null ? TypedResults.NoContent() : NotListed(normalized.E164!);
    }

    private static ProblemHttpResult InvalidPhone(string? raw, string? reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid phone number",
            detail: $"'{raw}' is not a usable phone number: {reason}. Give it in E.164, e.g. +15551234567.");

    private static ProblemHttpResult NotListed(string e164) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not on the blacklist", detail: $"{e164} is not on the blacklist.");
}

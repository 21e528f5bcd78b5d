using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// The Voice API's call routes answered the way Vonage answers them (VONAGE.md §6.2, §6.3): the application JWT
/// first, then the body, then the creation rate; a created call plays out in the background.
/// </summary>
internal static class VoiceApi
{
    public static void MapVoiceApi(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/v1/calls");
        calls.MapPost("", CreateAsync);
        calls.MapPut("/{uuid}", ModifyAsync);
        calls.MapGet("/{uuid}", ReadAsync);
        calls.MapGet("", ListAsync);
    }

    private static async Task<Results<Created<CallCreatedResponse>, ProblemHttpResult>> CreateAsync(HttpContext context, SimulatorState sim)
    {
        if (await sim.CallAuth.WhyRefusedAsync(context.Request) is { } refusal)
        {
            return VoiceProblems.Unauthorized(refusal);
        }

        var (request, invalid) = await CallRequestReader.ReadAsync(context.Request, context.RequestAborted);
        if (request is null)
        {
            return VoiceProblems.Invalid(invalid);
        }

        var settings = sim.Settings.Voice;
        if (VoiceLosses.LosesRequest(settings, request.To) && sim.VoiceCounters.LoseRequestOnce(request.To))
        {
            // Cut before anything is created: the caller cannot tell this from a lost answer.
            context.Abort();
            return VoiceProblems.NotFound(request.To, "was never created");
        }

        var outcome = VoiceMix.Outcome(settings, request.To);
        if (!sim.VoiceCounters.TryCreate(sim.Time.GetUtcNow().ToUnixTimeSeconds(), settings.CallsPerSecond, "+" + request.To, outcome))
        {
            return VoiceProblems.Throttled(settings.CallsPerSecond);
        }

        var call = new SimulatedCall(request, outcome) { CreatedAt = sim.Time.GetUtcNow() };
        sim.Calls.Start(call, sim.Playout.RunAsync);
        if (VoiceLosses.LosesAnswer(settings, request.To))
        {
            // Created, and the 201 never reaches the caller: the ambiguity a timeout or a dropped connection leaves.
            context.Abort();
        }

        return TypedResults.Created($"/v1/calls/{call.Uuid}", new CallCreatedResponse(call.Uuid, "started", "outbound", call.ConversationUuid));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ModifyAsync(string uuid, HttpContext context, SimulatorState sim)
    {
        if (await sim.CallAuth.WhyRefusedAsync(context.Request) is { } refusal)
        {
            return VoiceProblems.Unauthorized(refusal);
        }

        string? action;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            action = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("action", out var a)
                     && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        }
        catch (JsonException)
        {
            action = null;
        }

        if (action != "hangup")
        {
            return VoiceProblems.Invalid([new InvalidParameter("action", "Only hangup is simulated: {\"action\": \"hangup\"}.")]);
        }

        var call = sim.Calls.Find(uuid);
        if (call is null || call.IsOver)
        {
            return VoiceProblems.NotFound(uuid, call is null ? "is not known" : "is already over");
        }

        call.HangUp();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CallRecord>, ProblemHttpResult>> ReadAsync(string uuid, HttpContext context, SimulatorState sim)
    {
        if (await sim.CallAuth.WhyRefusedAsync(context.Request) is { } refusal)
        {
            return VoiceProblems.Unauthorized(refusal);
        }

        return sim.Calls.Find(uuid) is { } call
            ? TypedResults.Ok(CallRecord.Of(call))
            : VoiceProblems.NotFound(uuid, "is not known");
    }

    private static async Task<Results<Ok<CallListResponse>, ProblemHttpResult>> ListAsync(HttpContext context, SimulatorState sim)
    {
        if (await sim.CallAuth.WhyRefusedAsync(context.Request) is { } refusal)
        {
            return VoiceProblems.Unauthorized(refusal);
        }

        var (query, invalid) = CallListQuery.Read(context.Request.Query);
        if (query is null)
        {
            return VoiceProblems.Invalid(invalid);
        }

        var matching = sim.Calls.All.Where(query.Matches);
        var ordered = (query.Descending ? matching.OrderByDescending(c => c.CreatedAt) : matching.OrderBy(c => c.CreatedAt)).ToList();
        var page = ordered.Skip(query.RecordIndex).Take(query.PageSize).Select(CallRecord.Of).ToList();
        return TypedResults.Ok(new CallListResponse(ordered.Count, query.PageSize, query.RecordIndex,
            new CallListResponse.PageLinks(new CallListResponse.Link(context.Request.Path + context.Request.QueryString)),
            new CallListResponse.Page(page)));
    }
}

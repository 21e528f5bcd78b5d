using System.Text.Json;
using System.Text.Json.Nodes;
using MassCampaign.Host.Voice;

namespace MassCampaign.Host.Apis;

/// <summary>
/// Vonage's Voice webhooks (DESIGN.md §9): the answer URL returns the NCCO, the event and input URLs store what
/// happened to each call attempt. Each URL carries the attempt's client-ref in <c>?ref=</c>; each is idempotent, so a
/// retried webhook changes nothing, and guarded by <see cref="VoiceWebhookGuard"/>.
/// </summary>
public static class VoiceWebhooksApi
{
    private static readonly string[] GetOrPost = [HttpMethods.Get, HttpMethods.Post];

    public static void MapVoiceWebhooksApi(this RouteGroupBuilder api)
    {
        var voice = api.MapGroup("/voice").WithTags("Webhooks");
        voice.MapMethods("/answer", GetOrPost, AnswerAsync).WithName("VoiceAnswer");
        voice.MapPost("/event", EventAsync).WithName("VoiceEvent");
        voice.MapPost("/input", InputAsync).WithName("VoiceInput");
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, VoiceWebhookGuard guard, VoiceAnswerHandler handler, CancellationToken ct)
    {
        var (_, refusal) = await guard.ReadAsync(context, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        return AttemptOf(context) is { } attempt ? Ncco(await handler.AnswerAsync(attempt, ct)) : MissingRef();
    }

    private static async Task<IResult> EventAsync(HttpContext context, VoiceWebhookGuard guard, VoiceEventHandler handler, CancellationToken ct)
    {
        var (attempt, body, refusal) = await ReadPostAsync(context, guard, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        using (body)
        {
            return await handler.HandleAsync(attempt, body!.RootElement, ct) is { } error ? BadRequest(error) : Results.Ok();
        }
    }

    private static async Task<IResult> InputAsync(HttpContext context, VoiceWebhookGuard guard, VoiceInputHandler handler, CancellationToken ct)
    {
        var (attempt, body, refusal) = await ReadPostAsync(context, guard, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        using (body)
        {
            var (ncco, error) = await handler.HandleAsync(attempt, body!.RootElement, ct);
            return ncco is null ? BadRequest(error!) : Ncco(ncco);
        }
    }

    /// <summary>A posted event or input: guarded, naming its attempt, and JSON; else the problem to answer.</summary>
    private static async Task<(CallAttemptRef Attempt, JsonDocument? Body, IResult? Refusal)> ReadPostAsync(
        HttpContext context, VoiceWebhookGuard guard, CancellationToken ct)
    {
        var (payload, refusal) = await guard.ReadAsync(context, ct);
        if (refusal is not null)
        {
            return (default, null, refusal);
        }

        if (AttemptOf(context) is not { } attempt)
        {
            return (default, null, MissingRef());
        }

        return TryParse(payload, out var body) ? (attempt, body, null) : (attempt, null, NotJson());
    }

    private static CallAttemptRef? AttemptOf(HttpContext context) =>
        CallAttemptRef.TryParse(context.Request.Query["ref"].ToString(), out var attempt) ? attempt : null;

    private static bool TryParse(byte[] payload, out JsonDocument body)
    {
        try
        {
            body = JsonDocument.Parse(payload);
            return true;
        }
        catch (JsonException)
        {
            body = null!;
            return false;
        }
    }

    private static IResult Ncco(JsonArray ncco) => Results.Text(ncco.ToJsonString(), "application/json");

    private static IResult MissingRef() =>
        BadRequest("The URL has no valid 'ref' (recipientId-attempt); use the URLs the host gave Vonage when it created the call.");

    private static IResult NotJson() => BadRequest("The body is not JSON; Vonage posts voice events as a JSON object.");

    private static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a voice webhook", detail: detail);
}

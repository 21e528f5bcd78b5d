using MassCampaign.Host.Security;
using MassCampaign.Vonage;
using MassCampaign.Vonage.Webhooks;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Voice;

/// <summary>
/// Guards the voice webhooks (DESIGN.md §9): a valid function key in <c>?code=</c>, or — when a signature secret is
/// configured — Vonage's signed-callback JWT (HS256) whose payload_hash matches what arrived: the raw body of a
/// POST, the query as compact JSON for a GET. The payload is read here once, so the handler parses the bytes checked.
/// </summary>
public sealed class VoiceWebhookGuard(ApiKeyValidator keys, IOptions<VonageOptions> options, TimeProvider time)
{
    // Vonage's voice events are small; anything near this is not one.
    private const int MaxBodyBytes = 64 * 1024;

    private readonly VoiceCallbackToken? _token = string.IsNullOrEmpty(options.Value.SignatureSecret)
        ? null
        : new VoiceCallbackToken(options.Value.SignatureSecret, time, options.Value.SignatureTolerance);

    /// <returns>The payload (body bytes, or the query as JSON for a GET), or the problem to answer instead.</returns>
    public async Task<(byte[] Payload, IResult? Refusal)> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var request = context.Request;
        byte[] payload;
        if (HttpMethods.IsGet(request.Method))
        {
            payload = VoiceCallbackToken.QueryPayload(request.Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())));
        }
        else if (request.ContentLength > MaxBodyBytes)
        {
            return ([], Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"A voice webhook body is at most {MaxBodyBytes} bytes."));
        }
        else
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length > MaxBodyBytes)
            {
                return ([], Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"A voice webhook body is at most {MaxBodyBytes} bytes."));
            }

            payload = buffer.ToArray();
        }

        if (keys.HasValidQueryKey(context))
        {
            return (payload, null);
        }

        if (_token is null)
        {
            return (payload, Unauthorized($"Send the function key in the '{ApiKeyValidator.QueryName}' query parameter of the webhook URL."));
        }

        return _token.WhyRejected(request.Headers.Authorization.ToString(), payload) is { } why
            ? (payload, Unauthorized($"The signed callback was refused: {why}."))
            : (payload, null);
    }

    private static IResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "Webhook not authenticated", detail);

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}

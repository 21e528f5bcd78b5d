using MassCampaign.Host.Security;
using MassCampaign.Vonage;
using MassCampaign.Vonage.Webhooks;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// Guards the Vonage webhooks (DESIGN.md §8): a valid function key in <c>?code=</c>, or — when a signature secret
/// is configured — a valid Vonage signature over the webhook's parameters within the timestamp tolerance.
/// Anything else is a 401 problem that says which check failed.
/// </summary>
public sealed class WebhookGuardFilter(ApiKeyValidator keys, IOptions<VonageOptions> options, TimeProvider time) : IEndpointFilter
{
    private readonly VonageSignature? _signature = VonageSignature.FromOptions(options.Value, time);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (keys.HasValidQueryKey(context.HttpContext))
        {
            return await next(context);
        }

        if (_signature is null)
        {
            return Unauthorized($"Send the function key in the '{ApiKeyValidator.QueryName}' query parameter of the webhook URL.");
        }

        var payload = context.Arguments.OfType<WebhookPayload>().FirstOrDefault();
        if (payload is null || payload.Error is not null)
        {
            return Unauthorized("The webhook could not be read, so its signature could not be checked.");
        }

        var check = _signature.Verify(payload.Fields);
        return check == SignatureCheck.Valid ? await next(context) : Unauthorized(Explain(check));
    }

    private static string Explain(SignatureCheck check) => check switch
    {
        SignatureCheck.MissingSignature => $"No 'sig' parameter and no valid '{ApiKeyValidator.QueryName}' key.",
        SignatureCheck.InvalidTimestamp => "The signed webhook has no valid 'timestamp' (Unix seconds).",
        SignatureCheck.StaleTimestamp => "The signed webhook's 'timestamp' is too far from now; check the sender's clock or a replay.",
        _ => "The 'sig' parameter does not match the signature secret and method configured for this host.",
    };

    private static IResult Unauthorized(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Webhook not authenticated", detail: detail);
}

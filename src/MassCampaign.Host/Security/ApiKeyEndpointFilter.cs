namespace MassCampaign.Host.Security;

/// <summary>Guards the operator API: a valid function key in the header or the code query parameter, else 401.</summary>
public sealed class ApiKeyEndpointFilter(ApiKeyValidator validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (validator.HasValidHeaderKey(http) || validator.HasValidQueryKey(http))
        {
            return await next(context);
        }

        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Missing or invalid API key",
            detail: $"Send a function key in the '{ApiKeyValidator.HeaderName}' header or the '{ApiKeyValidator.QueryName}' query parameter.");
    }
}

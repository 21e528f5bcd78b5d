using Scalar.AspNetCore;

namespace MassCampaign.Host.Apis;

public static class DocumentationApi
{
    /// <summary>The OpenAPI document at /openapi/v1.json and an interactive page over it at /docs.</summary>
    public static void MapDocumentationApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json"));
    }
}

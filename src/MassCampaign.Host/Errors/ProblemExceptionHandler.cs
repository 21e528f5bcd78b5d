using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace MassCampaign.Host.Errors;

/// <summary>
/// Turns malformed input that escapes endpoint code (unreadable JSON, bad route values, oversized bodies)
/// into 400-family problem details; only a genuine fault becomes a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad when bad.InnerException is JsonException json =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON", json.Message),
            BadHttpRequestException bad =>
                (bad.StatusCode, "The request could not be read", bad.Message),
            JsonException json =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON", json.Message),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred", "The error was logged; retry later or contact the operator."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

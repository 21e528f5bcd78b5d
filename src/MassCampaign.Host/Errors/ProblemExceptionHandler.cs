using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace MassCampaign.Host.Errors;

/// <summary>
/// Turns malformed input that escapes endpoint code (unreadable JSON, bad route values, oversized bodies)
/// into 400-family problem details, and a passing fault (<see cref="TransientFaults"/>) into a 503 that says when to
/// retry; only a genuine fault becomes a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    // Long enough for a lost silo to be declared dead and its grains to move.
    private const int RetryAfterSeconds = 5;

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
            _ when TransientFaults.Contains(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "The service is briefly unavailable", $"A silo, the database or the cache could not be reached for a moment; retry in {RetryAfterSeconds} seconds."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred", "The error was logged; retry later or contact the operator."),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Transient fault on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
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

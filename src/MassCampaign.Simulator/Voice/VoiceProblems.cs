using Microsoft.AspNetCore.Http.HttpResults;

namespace MassCampaign.Simulator.Voice;

/// <summary>The Voice API's refusals as Vonage writes them: RFC 7807 problems whose <c>type</c> ends in the error code (VONAGE.md §7).</summary>
internal static class VoiceProblems
{
    private const string Errors = "https://developer.nexmo.com/api-errors#";

    public static ProblemHttpResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized", detail);

    public static ProblemHttpResult Invalid(IReadOnlyList<InvalidParameter> invalid) =>
        Problem(StatusCodes.Status400BadRequest, "bad-request", "Bad Request", "The request failed due to validation errors.",
            new Dictionary<string, object?> { ["invalid_parameters"] = invalid });

    public static ProblemHttpResult Throttled(int callsPerSecond) =>
        Problem(StatusCodes.Status429TooManyRequests, "throttled", "Too Many Requests",
            $"More than {callsPerSecond} calls created this second; the request was not queued. Lower the rate and retry.");

    public static ProblemHttpResult NotFound(string uuid, string why) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "Not Found", $"Call {uuid} {why}.");

    private static ProblemHttpResult Problem(
        int status, string code, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, instance: Guid.NewGuid().ToString(), statusCode: status, title: title, type: Errors + code, extensions: extensions);
}

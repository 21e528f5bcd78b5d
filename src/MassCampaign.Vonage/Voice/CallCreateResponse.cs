using System.Net;
using System.Text.Json;

namespace MassCampaign.Vonage.Voice;

/// <summary>Sorts Vonage's answer to <c>POST /v1/calls</c> by what it means for the callee: created, not created, or unknown.</summary>
internal static class CallCreateResponse
{
    public static async Task<CallCreateResult> ReadAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return Created(body, status);
        }

        var (code, text) = VoiceProblem.Read(status, response.ReasonPhrase, body);
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => CallCreateResult.Failed(CallCreateOutcome.Throttled, code, text, RetryAfter(response, now)),
            // 500 and 503 say the API failed before doing the work: nothing was created.
            HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable =>
                CallCreateResult.Failed(CallCreateOutcome.Transient, code, text, RetryAfter(response, now)),
            // A gateway lost the upstream's answer, which may have created the call.
            _ when status >= 500 => CallCreateResult.Failed(CallCreateOutcome.Ambiguous, code, text),
            HttpStatusCode.Unauthorized or HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden =>
                AccountRefused(code, text),
            _ when VoiceProblem.IsAccountProblem(code) => AccountRefused(code, text),
            _ => CallCreateResult.Failed(CallCreateOutcome.Permanent, code, text),
        };
    }

    private static CallCreateResult Created(string body, int status)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("uuid", out var uuid)
                && uuid.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(uuid.GetString()))
            {
                var conversation = root.TryGetProperty("conversation_uuid", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                return new CallCreateResult(CallCreateOutcome.Created, uuid.GetString(), conversation, null, null);
            }
        }
        catch (JsonException)
        {
        }

        // Success without a call id: a call may exist that we cannot name; its events, which carry our reference, will.
        return CallCreateResult.Failed(CallCreateOutcome.Ambiguous, $"http-{status}", $"HTTP {status} without a readable call uuid.");
    }

    private static CallCreateResult AccountRefused(string code, string text) =>
        CallCreateResult.Failed(CallCreateOutcome.AccountRefused, code, text) with { AccountRefusalReason = $"Vonage refused the voice account: {text}" };

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
}

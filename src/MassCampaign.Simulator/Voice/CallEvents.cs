using System.Globalization;
using System.Text.Json.Nodes;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// The bodies a call sends its host (VONAGE.md §6.4, §6.5): status events with the common fields and each status's
/// extras, the answer request's fields and an input result. Times are ISO 8601 UTC with milliseconds.
/// </summary>
internal static class CallEvents
{
    /// <summary>Vonage's per-minute rate for the simulated destination, in EUR.</summary>
    public const decimal RatePerMinute = 0.01m;

    public const string Network = "23410";

    public static readonly string Rate = RatePerMinute.ToString(CultureInfo.InvariantCulture);

    public static JsonObject Status(SimulatedCall call, string status, DateTimeOffset now) => new()
    {
        ["from"] = call.Request.From,
        ["to"] = call.Request.To,
        ["uuid"] = call.Uuid,
        ["conversation_uuid"] = call.ConversationUuid,
        ["status"] = status,
        ["direction"] = "outbound",
        ["timestamp"] = Time(now),
    };

    /// <summary>Vonage sends rate and network empty at this point; they come with <c>completed</c>.</summary>
    public static JsonObject Answered(SimulatedCall call, DateTimeOffset now)
    {
        var answered = Status(call, "answered", now);
        answered["start_time"] = Time(now);
        answered["rate"] = null;
        answered["network"] = null;
        return answered;
    }

    public static JsonObject Failed(SimulatedCall call, string detail, DateTimeOffset now)
    {
        var failed = Status(call, "failed", now);
        failed["detail"] = detail;
        return failed;
    }

    /// <summary>A machine-detection result, which names the call <c>call_uuid</c> rather than <c>uuid</c>.</summary>
    public static JsonObject Detected(SimulatedCall call, bool machine, DateTimeOffset now)
    {
        var detected = Status(call, machine ? "machine" : "human", now);
        detected.Remove("uuid");
        detected.Insert(2, "call_uuid", call.Uuid);
        if (machine && call.Request.MachineDetection is { ReportsBeep: true })
        {
            detected["sub_state"] = "beep_start";
        }

        return detected;
    }

    /// <summary>The summary: a call never answered has its end for start, a zero duration and no price.</summary>
    public static JsonObject Completed(SimulatedCall call, DateTimeOffset now)
    {
        var seconds = Seconds(call.AnsweredAt, now);
        var completed = Status(call, "completed", now);
        completed["start_time"] = Time(call.AnsweredAt ?? now);
        completed["end_time"] = Time(now);
        completed["duration"] = seconds.ToString(CultureInfo.InvariantCulture);
        completed["rate"] = Rate;
        completed["price"] = Price(seconds);
        completed["network"] = Network;
        return completed;
    }

    /// <summary>Whole seconds talked, rounded up; 0 for a call never answered.</summary>
    public static long Seconds(DateTimeOffset? answeredAt, DateTimeOffset endedAt) =>
        answeredAt is { } start ? (long)Math.Ceiling((endedAt - start).TotalSeconds) : 0;

    public static string Price(long seconds) => (RatePerMinute * seconds / 60).ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>What the answer URL is asked with, as query parameters (GET) or a JSON body (POST).</summary>
    public static JsonObject AnswerRequest(SimulatedCall call) => new()
    {
        ["to"] = call.Request.To,
        ["from"] = call.Request.From,
        ["uuid"] = call.Uuid,
        ["conversation_uuid"] = call.ConversationUuid,
    };

    /// <param name="digits">The keys pressed; "" when the input timed out with none.</param>
    public static JsonObject Input(SimulatedCall call, string digits, DateTimeOffset now) => new()
    {
        ["dtmf"] = new JsonObject { ["digits"] = digits, ["timed_out"] = digits.Length == 0 },
        ["uuid"] = call.Uuid,
        ["conversation_uuid"] = call.ConversationUuid,
        ["from"] = call.Request.From,
        ["to"] = call.Request.To,
        ["timestamp"] = Time(now),
    };

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

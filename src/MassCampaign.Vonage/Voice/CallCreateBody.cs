using System.Text.Json.Nodes;

namespace MassCampaign.Vonage.Voice;

/// <summary>The <c>POST /v1/calls</c> body for one call (VONAGE.md §6.2).</summary>
internal static class CallCreateBody
{
    // detect_beep needs a wait for the beep; 45 s is Vonage's shortest.
    private const int BeepTimeoutSeconds = 45;

    public static JsonObject Build(CallCreateRequest request, int lengthTimerSeconds)
    {
        var body = new JsonObject
        {
            ["to"] = new JsonArray(Phone(request.ToE164)),
            ["from"] = Phone(request.From),
            ["answer_url"] = new JsonArray(request.AnswerUrl.AbsoluteUri),
            ["answer_method"] = "GET",
            ["event_url"] = new JsonArray(request.EventUrl.AbsoluteUri),
            ["event_method"] = "POST",
            ["ringing_timer"] = request.RingingTimeoutSeconds,
            ["length_timer"] = lengthTimerSeconds,
        };
        if (MachineDetectionOf(request.MachineDetection) is { } detection)
        {
            body["advanced_machine_detection"] = detection;
        }

        return body;
    }

    public static void Validate(CallCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ToE164);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.From);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.RingingTimeoutSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.RingingTimeoutSeconds, 120);
    }

    private static JsonObject? MachineDetectionOf(VoiceMachineDetection detection) => detection switch
    {
        VoiceMachineDetection.Hangup => new JsonObject { ["behavior"] = "hangup", ["mode"] = "detect" },
        VoiceMachineDetection.LeaveMessage => new JsonObject
        {
            ["behavior"] = "continue", ["mode"] = "detect_beep", ["beep_timeout"] = BeepTimeoutSeconds,
        },
        _ => null,
    };

    // Vonage numbers are digits only: "+447700900000" is sent as "447700900000".
    private static JsonObject Phone(string number) => new() { ["type"] = "phone", ["number"] = number.TrimStart('+') };
}

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// What the network loses for a number (<c>voice.lostByNumber</c>): its first <c>POST /v1/calls</c> before Vonage
/// sees it (nothing is created, the connection is cut), the answer to its <c>POST /v1/calls</c> (the call is created,
/// then the connection is cut before the 201), every event its call posts (as when the host is down for the whole
/// call), or both of the last two. The NCCO fetch is never lost: a callee must hear something.
/// </summary>
internal static class VoiceLosses
{
    public const string Request = "request";
    public const string Answer = "answer";
    public const string Events = "events";
    public const string Both = "both";

    public static readonly IReadOnlyList<string> All = [Request, Answer, Events, Both];

    public static bool IsKnown(string loss) => All.Contains(loss, StringComparer.Ordinal);

    public static bool LosesRequest(VoiceSettings settings, string number) =>
        settings.LostByNumber.TryGetValue(number, out var loss) && loss is Request;

    public static bool LosesAnswer(VoiceSettings settings, string number) =>
        settings.LostByNumber.TryGetValue(number, out var loss) && loss is Answer or Both;

    public static bool LosesEvents(VoiceSettings settings, string number) =>
        settings.LostByNumber.TryGetValue(number, out var loss) && loss is Events or Both;
}

using System.Text.Json;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// A valid <c>POST /v1/calls</c> body (VONAGE.md §6.2). Numbers are digits without '+'. <paramref name="Ncco"/> is the
/// inline NCCO, given instead of <paramref name="AnswerUrl"/>.
/// </summary>
internal sealed record CallRequest(
    string To,
    string From,
    Uri? AnswerUrl,
    HttpMethod AnswerMethod,
    JsonElement? Ncco,
    Uri EventUrl,
    HttpMethod EventMethod,
    MachineDetection? MachineDetection,
    TimeSpan RingingTimer,
    TimeSpan LengthTimer);

using System.Text.Json;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// Plays an NCCO to the callee (VONAGE.md §6.6). A <c>talk</c> lasts its text's length × talkMsPerChar. An
/// <c>input</c> is answered by a human only (a machine cannot press keys, so it is passed over): the keys drawn are
/// posted to its <c>eventUrl</c> at once, and the NCCO that answers replaces the rest of this one. Other actions are
/// passed over.
/// </summary>
internal sealed class NccoPlayer(VoiceCallbacks callbacks, VoiceCounters counters, Func<SimulatorSettings> settings, TimeProvider time)
{
    // An input whose answer asks for another input, for ever, must still end the call.
    private const int MaxInputs = 10;

    public Task PlayAsync(SimulatedCall call, JsonElement ncco, CancellationToken cancellationToken) =>
        PlayAsync(call, ncco, inputsSoFar: 0, cancellationToken);

    private async Task PlayAsync(SimulatedCall call, JsonElement ncco, int inputsSoFar, CancellationToken cancellationToken)
    {
        foreach (var action in ncco.EnumerateArray())
        {
            switch (Text(action, "action"))
            {
                case "talk":
                    var length = Text(action, "text")?.Length ?? 0;
                    await Task.Delay(TimeSpan.FromMilliseconds((double)length * settings().Voice.TalkMsPerChar), time, cancellationToken);
                    break;
                case "input" when call.Outcome == CallOutcome.Human && inputsSoFar < MaxInputs:
                    if (await InputAsync(call, action, cancellationToken) is { } next)
                    {
                        await PlayAsync(call, next, inputsSoFar + 1, cancellationToken);
                        return;
                    }

                    break;
            }
        }
    }

    private async Task<JsonElement?> InputAsync(SimulatedCall call, JsonElement input, CancellationToken cancellationToken)
    {
        var digits = VoiceMix.Digits(settings().Voice, call.Request.To);
        if (digits.Length > 0)
        {
            counters.Pressed("+" + call.Request.To, digits);
        }

        // Without an eventUrl of its own, an input reports to the call's event_url, as Vonage does.
        var url = input.TryGetProperty("eventUrl", out var urls) && urls.ValueKind == JsonValueKind.Array && urls.GetArrayLength() > 0
                  && urls[0].ValueKind == JsonValueKind.String && Uri.TryCreate(urls[0].GetString(), UriKind.Absolute, out var own)
            ? own
            : call.Request.EventUrl;
        return await callbacks.FetchNccoAsync(HttpMethod.Post, url, CallEvents.Input(call, digits, time.GetUtcNow()), cancellationToken);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

using System.Text.Json.Nodes;

namespace MassCampaign.Domain.Voice;

/// <summary>The Vonage call-control objects (NCCOs, VONAGE.md §6.6) a campaign call is answered with.</summary>
public static class Ncco
{
    private const int InputTimeoutSeconds = 5;

    /// <summary>
    /// Speaks the script, then waits for one key; bargeIn lets a recipient who knows the key press it without hearing
    /// the script out. Vonage posts the key to <paramref name="inputEventUrl"/>, whose answer is the reply (<see cref="Say"/>).
    /// </summary>
    public static JsonArray Answer(string text, Uri inputEventUrl, string language = "en-US")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(inputEventUrl);
        if (!inputEventUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("Vonage needs an absolute URL to post the input to.", nameof(inputEventUrl));
        }

        return new JsonArray(
            new JsonObject
            {
                ["action"] = "talk",
                ["text"] = text,
                ["language"] = language,
                ["bargeIn"] = true,
            },
            new JsonObject
            {
                ["action"] = "input",
                ["type"] = new JsonArray("dtmf"),
                ["dtmf"] = new JsonObject { ["maxDigits"] = 1, ["timeOut"] = InputTimeoutSeconds },
                ["eventUrl"] = new JsonArray(inputEventUrl.AbsoluteUri),
            });
    }

    /// <summary>Speaks a reply and ends the call: thanks for a confirmation, the opt-out confirmation, or goodbye.</summary>
    public static JsonArray Say(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonArray(new JsonObject { ["action"] = "talk", ["text"] = text });
    }

    /// <summary>No actions: Vonage hangs up, as it should on a call the campaign no longer wants to speak on.</summary>
    public static JsonArray Empty() => [];
}

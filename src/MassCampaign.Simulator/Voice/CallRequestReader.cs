using System.Text.Json;
using System.Text.RegularExpressions;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// Reads and checks a <c>POST /v1/calls</c> body (VONAGE.md §6.2): every field wrong is named, as Vonage's
/// <c>invalid_parameters</c> does. Phone endpoints only; <c>random_from_number</c> is not simulated.
/// </summary>
internal static partial class CallRequestReader
{
    public static async Task<(CallRequest? Request, IReadOnlyList<InvalidParameter> Invalid)> ReadAsync(
        HttpRequest http, CancellationToken cancellationToken)
    {
        JsonDocument json;
        try
        {
            json = await JsonDocument.ParseAsync(http.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, [new InvalidParameter("body", $"Not JSON: {e.Message}")]);
        }

        using (json)
        {
            return json.RootElement.ValueKind == JsonValueKind.Object
                ? Read(json.RootElement)
                : (null, [new InvalidParameter("body", "The body must be a JSON object.")]);
        }
    }

    private static (CallRequest?, IReadOnlyList<InvalidParameter>) Read(JsonElement body)
    {
        var invalid = new List<InvalidParameter>();
        var to = Number("to", FirstOf(body, "to"), "Required: [{\"type\": \"phone\", \"number\": \"<digits>\"}].", invalid);
        var from = Number("from", Property(body, "from"), "Required: {\"type\": \"phone\", \"number\": \"<digits>\"}.", invalid);
        var ncco = Property(body, "ncco");
        if (ncco is { ValueKind: not JsonValueKind.Array })
        {
            invalid.Add(new("ncco", "Must be an array of NCCO actions."));
        }

        var answerUrl = ncco is null ? Url(body, "answer_url", invalid) : null;
        var answerMethod = Method(body, "answer_method", HttpMethod.Get, invalid);
        var eventUrl = Url(body, "event_url", invalid);
        var eventMethod = Method(body, "event_method", HttpMethod.Post, invalid);
        var detection = Detection(body, invalid);
        var ringing = Seconds(body, "ringing_timer", 60, 1, 120, invalid);
        var length = Seconds(body, "length_timer", 7200, 1, 7200, invalid);
        if (invalid.Count > 0)
        {
            return (null, invalid);
        }

        return (new CallRequest(
            to!, from!, answerUrl, answerMethod, ncco?.Clone(), eventUrl!, eventMethod, detection, ringing, length), invalid);
    }

    private static JsonElement? Property(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement? FirstOf(JsonElement body, string name) =>
        Property(body, name) is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0 ? array[0] : null;

    private static string? Number(string name, JsonElement? endpoint, string whenMissing, List<InvalidParameter> invalid)
    {
        if (endpoint is null)
        {
            invalid.Add(new(name, whenMissing));
            return null;
        }

        if (endpoint.Value.ValueKind != JsonValueKind.Object
            || (Property(endpoint.Value, "type") is { } type && type.ValueKind == JsonValueKind.String && type.GetString() != "phone"))
        {
            invalid.Add(new(name, "Only phone endpoints are simulated: {\"type\": \"phone\", \"number\": \"<digits>\"}."));
            return null;
        }

        var number = Property(endpoint.Value, "number") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
        if (number is null || !Digits().IsMatch(number))
        {
            invalid.Add(new($"{name}.number", $"Must be 7 to 15 digits with no '+', not '{number}'."));
            return null;
        }

        return number;
    }

    private static Uri? Url(JsonElement body, string name, List<InvalidParameter> invalid)
    {
        if (FirstOf(body, name) is { ValueKind: JsonValueKind.String } text
            && Uri.TryCreate(text.GetString(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        invalid.Add(new(name, "Required: an array holding one absolute http(s) URL."));
        return null;
    }

    private static HttpMethod Method(JsonElement body, string name, HttpMethod byDefault, List<InvalidParameter> invalid)
    {
        switch (Property(body, name))
        {
            case null:
                return byDefault;
            case { ValueKind: JsonValueKind.String } text when text.GetString() is "GET" or "POST":
                return HttpMethod.Parse(text.GetString());
            default:
                invalid.Add(new(name, "Must be GET or POST."));
                return byDefault;
        }
    }

    private static MachineDetection? Detection(JsonElement body, List<InvalidParameter> invalid)
    {
        if (Property(body, "advanced_machine_detection") is { } advanced)
        {
            return AdvancedDetection(advanced, invalid);
        }

        return Property(body, "machine_detection") switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } text when text.GetString() is "continue" or "hangup" =>
                new MachineDetection(HangUpOnMachine: text.GetString() == "hangup", ReportsBeep: false),
            _ => Invalid(invalid, "machine_detection", "Must be continue or hangup."),
        };
    }

    private static MachineDetection? AdvancedDetection(JsonElement advanced, List<InvalidParameter> invalid)
    {
        const string name = "advanced_machine_detection";
        if (advanced.ValueKind != JsonValueKind.Object)
        {
            return Invalid(invalid, name, "Must be an object {behavior, mode, beep_timeout}.");
        }

        var behavior = Text(advanced, "behavior") ?? "continue";
        var mode = Text(advanced, "mode") ?? "detect";
        if (behavior is not ("continue" or "hangup"))
        {
            return Invalid(invalid, $"{name}.behavior", "Must be continue or hangup.");
        }

        if (mode is not ("detect" or "detect_beep"))
        {
            return Invalid(invalid, $"{name}.mode", "Must be detect or detect_beep.");
        }

        Seconds(advanced, "beep_timeout", 45, 45, 120, invalid, name + ".");
        return new MachineDetection(HangUpOnMachine: behavior == "hangup", ReportsBeep: mode == "detect_beep");
    }

    private static TimeSpan Seconds(
        JsonElement body, string name, int byDefault, int min, int max, List<InvalidParameter> invalid, string prefix = "")
    {
        switch (Property(body, name))
        {
            case null:
                return TimeSpan.FromSeconds(byDefault);
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var seconds) && seconds >= min && seconds <= max:
                return TimeSpan.FromSeconds(seconds);
            default:
                invalid.Add(new(prefix + name, $"Must be a whole number of seconds from {min} to {max}."));
                return TimeSpan.FromSeconds(byDefault);
        }
    }

    private static string? Text(JsonElement body, string name) =>
        Property(body, name) is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    private static MachineDetection? Invalid(List<InvalidParameter> invalid, string name, string reason)
    {
        invalid.Add(new(name, reason));
        return null;
    }

    [GeneratedRegex("^[0-9]{7,15}$")]
    private static partial Regex Digits();
}

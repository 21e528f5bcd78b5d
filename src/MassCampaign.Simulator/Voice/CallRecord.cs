using System.Globalization;
using System.Text.Json.Serialization;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// <c>GET /v1/calls/{uuid}</c>: the call with the status of its latest event. Times, duration and price stay null
/// until the call has them; duration and price are strings, as Vonage writes them.
/// </summary>
internal sealed record CallRecord(
    string Uuid,
    [property: JsonPropertyName("conversation_uuid")] string ConversationUuid,
    string Status,
    string Direction,
    PhoneEndpoint To,
    PhoneEndpoint From,
    [property: JsonPropertyName("start_time")] string? StartTime,
    [property: JsonPropertyName("end_time")] string? EndTime,
    string? Duration,
    string? Price,
    string Rate)
{
    public static CallRecord Of(SimulatedCall call)
    {
        var (answered, ended) = (call.AnsweredAt, call.EndedAt);
        var seconds = ended is { } end ? CallEvents.Seconds(answered, end) : (long?)null;
        return new CallRecord(
            call.Uuid, call.ConversationUuid, call.Status, "outbound", new PhoneEndpoint(call.Request.To), new PhoneEndpoint(call.Request.From),
            answered is { } start ? CallEvents.Time(start) : null,
            ended is { } stop ? CallEvents.Time(stop) : null,
            seconds?.ToString(CultureInfo.InvariantCulture),
            seconds is { } s ? CallEvents.Price(s) : null,
            CallEvents.Rate);
    }
}

using System.Text.Json;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Host.Campaigns;

/// <summary>A validated calling window as stored in campaigns.calling_window and returned by the API.</summary>
/// <param name="Days">Three-letter day names, Monday first.</param>
/// <param name="Start">Local HH:mm, inclusive.</param>
/// <param name="End">Local HH:mm, exclusive.</param>
/// <param name="TimeZone">The campaign's IANA zone.</param>
public sealed record CallingWindowDocument(IReadOnlyList<string> Days, string Start, string End, string TimeZone)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CallingWindowDocument From(CallingWindowSpec spec) => new(
        spec.Days.Order().Select(WeekdayNames.ToWire).ToArray(),
        spec.Start.ToString("HH:mm", null),
        spec.End.ToString("HH:mm", null),
        spec.TimeZoneId);

    public static CallingWindowDocument Parse(string json) =>
        JsonSerializer.Deserialize<CallingWindowDocument>(json, Json)
        ?? throw new JsonException("A stored calling window is null.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

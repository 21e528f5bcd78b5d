using System.Buffers;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using static MassCampaign.Domain.Campaigns.CampaignSettingsParser;

namespace MassCampaign.Domain.Campaigns;

/// <summary>Writes <see cref="CampaignSettings"/> back as the JSON object the parser reads, defaults spelled out.</summary>
internal static class CampaignSettingsWriter
{
    internal static string Write(CampaignSettings settings)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject(RetryName);
            json.WriteNumber(MaxAttemptsName, settings.Retry.MaxAttempts);
            json.WriteNumber(AfterMinutesName, settings.Retry.After.TotalMinutes);
            json.WriteEndObject();
            json.WriteString(UnknownPolicyName, UnknownPolicyNames.ToWire(settings.UnknownPolicy));
            json.WriteString(UnknownResolveAfterName, Iso(settings.UnknownResolveAfter));
            foreach (var (name, value) in settings.Other)
            {
                json.WritePropertyName(name);
                value.WriteTo(json);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // "PT15M" rather than "PT900S": the largest units that divide it, as a person would write it.
    private static string Iso(Duration duration) =>
        PeriodPattern.NormalizingIso.Format(Period.FromNanoseconds(duration.ToInt64Nanoseconds()).Normalize());
}

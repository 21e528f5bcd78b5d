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
            WriteRetry(json, RetryName, settings.Retry.MaxAttempts, settings.Retry.After);
            json.WriteString(UnknownPolicyName, UnknownPolicyNames.ToWire(settings.UnknownPolicy));
            json.WriteString(UnknownResolveAfterName, Iso(settings.UnknownResolveAfter));
            if (settings.Voice != VoiceSettings.Default)
            {
                WriteVoice(json, settings.Voice);
            }

            if (settings.Hybrid is { } hybrid)
            {
                json.WriteStartObject(HybridName);
                json.WriteString(HybridSettingsParser.ModeName, HybridModeNames.ToWire(hybrid.Mode));
                json.WriteEndObject();
            }

            foreach (var (name, value) in settings.Other)
            {
                json.WritePropertyName(name);
                value.WriteTo(json);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Voice is written only when changed, so rows of SMS campaigns stay as they were; when written, it is written whole.
    private static void WriteVoice(Utf8JsonWriter json, VoiceSettings voice)
    {
        json.WriteStartObject(VoiceName);
        json.WriteNumber(VoiceSettingsParser.MaxConcurrentCallsName, voice.MaxConcurrentCalls);
        json.WriteNumber(VoiceSettingsParser.RingingTimeoutSecondsName, voice.RingingTimeoutSeconds);
        json.WriteString(VoiceSettingsParser.MachineDetectionName, MachineDetectionNames.ToWire(voice.MachineDetection));
        json.WriteString(VoiceSettingsParser.OptOutDigitName, voice.OptOutDigit);
        json.WriteString(VoiceSettingsParser.ConfirmDigitName, voice.ConfirmDigit);
        json.WriteStartObject(VoiceSettingsParser.RetryName);
        WriteRetry(json, VoiceRetryParser.NoAnswerName, voice.Retry.NoAnswer.MaxAttempts, voice.Retry.NoAnswer.After);
        WriteRetry(json, VoiceRetryParser.BusyName, voice.Retry.Busy.MaxAttempts, voice.Retry.Busy.After);
        WriteRetry(json, VoiceRetryParser.FailedName, voice.Retry.Failed.MaxAttempts, voice.Retry.Failed.After);
        json.WriteEndObject();
        json.WriteNumber(VoiceSettingsParser.MaxAttemptsPer24hName, voice.MaxAttemptsPer24h);
        json.WriteEndObject();
    }

    private static void WriteRetry(Utf8JsonWriter json, string name, int maxAttempts, Duration after)
    {
        json.WriteStartObject(name);
        json.WriteNumber(MaxAttemptsName, maxAttempts);
        json.WriteNumber(AfterMinutesName, after.TotalMinutes);
        json.WriteEndObject();
    }

    // "PT15M" rather than "PT900S": the largest units that divide it, as a person would write it.
    private static string Iso(Duration duration) =>
        PeriodPattern.NormalizingIso.Format(Period.FromNanoseconds(duration.ToInt64Nanoseconds()).Normalize());
}

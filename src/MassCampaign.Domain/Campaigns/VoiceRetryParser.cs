using System.Text.Json;
using static MassCampaign.Domain.Campaigns.SettingValues;

namespace MassCampaign.Domain.Campaigns;

/// <summary>Turns settings.voice.retry into a <see cref="VoiceRetryPolicy"/>: one retry object per outcome worth another call.</summary>
internal static class VoiceRetryParser
{
    internal const string NoAnswerName = "noAnswer";
    internal const string BusyName = "busy";
    internal const string FailedName = "failed";

    private const string Example = $"{{\"noAnswer\": {RetryExample}, \"busy\": {RetryExample}}}";

    internal static VoiceRetryPolicy Parse(JsonElement value, string field, List<ValidationError> errors)
    {
        var policy = VoiceRetryPolicy.Default;
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(field, $"Use an object such as {Example}, or leave retry out to call each recipient once."));
            return policy;
        }

        foreach (var member in value.EnumerateObject())
        {
            var memberField = $"{field}.{member.Name}";
            if (Is(member.Name, NoAnswerName))
            {
                policy = policy with { NoAnswer = ParseOutcome(member.Value, memberField, errors) };
            }
            else if (Is(member.Name, BusyName))
            {
                policy = policy with { Busy = ParseOutcome(member.Value, memberField, errors) };
            }
            else if (Is(member.Name, FailedName))
            {
                policy = policy with { Failed = ParseOutcome(member.Value, memberField, errors) };
            }
            else
            {
                errors.Add(new(memberField,
                    $"'{member.Name}' is not a call outcome that can be retried; use {NoAnswerName}, {BusyName} or {FailedName}."));
            }
        }

        return policy;
    }

    private static VoiceRetry ParseOutcome(JsonElement value, string field, List<ValidationError> errors)
    {
        var retry = VoiceRetry.Default;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return retry;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(field, $"Use an object such as {RetryExample}, or leave it out to call once after this outcome."));
            return retry;
        }

        var (attempts, after) = RetryMembers(value, field, errors, "call", retry.MaxAttempts, retry.After);
        return new VoiceRetry(attempts, after);
    }
}

using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using static MassCampaign.Domain.Campaigns.SettingValues;

namespace MassCampaign.Domain.Campaigns;

/// <summary>Turns a settings JSON object into <see cref="CampaignSettings"/>, adding an error per member to fix.</summary>
internal static class CampaignSettingsParser
{
    internal const string RetryName = "retry";
    internal const string MaxAttemptsName = "maxAttempts";
    internal const string AfterMinutesName = "afterMinutes";
    internal const string UnknownPolicyName = "unknownPolicy";
    internal const string UnknownResolveAfterName = "unknownResolveAfter";
    internal const string VoiceName = "voice";
    internal const string HybridName = "hybrid";

    private const string Field = "settings";

    private static readonly string[] KnownNames = [RetryName, UnknownPolicyName, UnknownResolveAfterName, VoiceName, HybridName];

    private static readonly string PolicyChoices = Phrases.JoinWithOr(UnknownPolicyNames.All.Select(name => $"\"{name}\""));

    internal static CampaignSettings Parse(JsonElement? json, List<ValidationError> errors)
    {
        var settings = CampaignSettings.Default;
        if (json is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value)
        {
            return settings;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(Field, $"Use a JSON object, e.g. {{\"retry\": {RetryExample}}}, or leave settings out for the defaults."));
            return settings;
        }

        var other = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            var field = $"{Field}.{member.Name}";
            if (string.IsNullOrWhiteSpace(member.Name))
            {
                errors.Add(new(Field, "Every setting needs a name; remove the member with a blank name."));
            }
            else if (!seen.Add(IsKnown(member.Name) ? member.Name.ToLowerInvariant() : member.Name))
            {
                errors.Add(new(field, $"'{member.Name}' is given more than once; give each setting once."));
            }
            else if (!IsKnown(member.Name))
            {
                other[member.Name] = member.Value.Clone();
            }
            else if (member.Value.ValueKind != JsonValueKind.Null)
            {
                // A known member given as null takes its default, as one left out does.
                settings = WithMember(settings, member, field, errors);
            }
        }

        return settings with { Other = other };
    }

    private static CampaignSettings WithMember(CampaignSettings settings, JsonProperty member, string field, List<ValidationError> errors)
    {
        if (Is(member.Name, RetryName))
        {
            return settings with { Retry = ParseRetry(member.Value, field, errors) };
        }

        if (Is(member.Name, UnknownPolicyName))
        {
            return settings with { UnknownPolicy = ParsePolicy(member.Value, field, errors) };
        }

        if (Is(member.Name, UnknownResolveAfterName))
        {
            return settings with { UnknownResolveAfter = ParseResolveAfter(member.Value, field, errors) };
        }

        return Is(member.Name, VoiceName)
            ? settings with { Voice = VoiceSettingsParser.Parse(member.Value, field, errors) }
            : settings with { Hybrid = HybridSettingsParser.Parse(member.Value, field, errors) };
    }

    private static RetryPolicy ParseRetry(JsonElement value, string field, List<ValidationError> errors)
    {
        var retry = RetryPolicy.None;
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(field, $"Use an object such as {RetryExample}, or leave retry out to send each message once."));
            return retry;
        }

        var (attempts, after) = RetryMembers(value, field, errors, "send", retry.MaxAttempts, retry.After);
        return new RetryPolicy(attempts, after);
    }

    private static UnknownPolicy ParsePolicy(JsonElement value, string field, List<ValidationError> errors)
    {
        if (value.ValueKind == JsonValueKind.String && UnknownPolicyNames.TryParse(value.GetString(), out var policy))
        {
            return policy;
        }

        errors.Add(new(field, $"{Shown(value)} is not a policy for unknown sends; use {PolicyChoices}."));
        return CampaignSettings.Default.UnknownPolicy;
    }

    /// <summary>An ISO-8601 duration of weeks, days, hours, minutes and seconds ("PT15M"), or a number of seconds.</summary>
    private static Duration ParseResolveAfter(JsonElement value, string field, List<ValidationError> errors)
    {
        var fallback = CampaignSettings.Default.UnknownResolveAfter;
        double? seconds = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) => number,
            JsonValueKind.String => IsoDuration(value.GetString()!)?.TotalSeconds,
            _ => null,
        };
        if (seconds is not { } given)
        {
            errors.Add(new(field,
                $"{Shown(value)} is not a duration; use an ISO-8601 duration such as \"PT15M\" or \"P1D\" (no months or years), " +
                "or a number of seconds."));
            return fallback;
        }

        if (given < CampaignSettings.MinUnknownResolveAfter.TotalSeconds)
        {
            errors.Add(new(field, $"{Shown(value)} is too short; wait at least 1 second (\"PT1S\"), e.g. \"PT15M\"."));
            return fallback;
        }

        if (given > CampaignSettings.MaxUnknownResolveAfter.TotalSeconds)
        {
            errors.Add(new(field, $"{Shown(value)} is too long; wait at most 7 days (\"P7D\")."));
            return fallback;
        }

        return Duration.FromSeconds(given);
    }

    // Months and years have no fixed length, so they cannot be a wait; a period beyond what a Duration holds is too long.
    private static Duration? IsoDuration(string text)
    {
        var parsed = PeriodPattern.NormalizingIso.Parse(text);
        if (!parsed.Success || parsed.Value is not { Years: 0, Months: 0 } period)
        {
            return null;
        }

        try
        {
            return period.ToDuration();
        }
        catch (OverflowException)
        {
            return Duration.MaxValue;
        }
    }

    private static bool IsKnown(string name) => KnownNames.Any(known => Is(name, known));
}

using System.Text.Json;
using static MassCampaign.Domain.Campaigns.SettingValues;

namespace MassCampaign.Domain.Campaigns;

/// <summary>Turns settings.voice into <see cref="VoiceSettings"/>, adding an error per member to fix.</summary>
internal static class VoiceSettingsParser
{
    internal const string MaxConcurrentCallsName = "maxConcurrentCalls";
    internal const string RingingTimeoutSecondsName = "ringingTimeoutSeconds";
    internal const string MachineDetectionName = "machineDetection";
    internal const string OptOutDigitName = "optOutDigit";
    internal const string ConfirmDigitName = "confirmDigit";
    internal const string RetryName = "retry";
    internal const string MaxAttemptsPer24hName = "maxAttemptsPer24h";

    private static readonly string[] Names =
    [
        MaxConcurrentCallsName, RingingTimeoutSecondsName, MachineDetectionName, OptOutDigitName, ConfirmDigitName, RetryName,
        MaxAttemptsPer24hName,
    ];

    private static readonly string NameList = Phrases.JoinWithOr(Names);

    internal static VoiceSettings Parse(JsonElement value, string field, List<ValidationError> errors)
    {
        var voice = VoiceSettings.Default;
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(field,
                "Use an object such as {\"maxConcurrentCalls\": 20, \"machineDetection\": \"leaveMessage\"}, or leave voice out for the defaults."));
            return voice;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var digitsValid = true;
        foreach (var member in value.EnumerateObject())
        {
            var memberField = $"{field}.{member.Name}";
            if (!Names.Any(name => Is(member.Name, name)))
            {
                errors.Add(new(memberField, $"'{member.Name}' is not a voice setting; use {NameList}."));
            }
            else if (!seen.Add(member.Name))
            {
                errors.Add(new(memberField, $"'{member.Name}' is given more than once; give each voice setting once."));
            }
            else if (member.Value.ValueKind != JsonValueKind.Null)
            {
                var before = errors.Count;
                voice = WithMember(voice, member, memberField, errors);
                digitsValid &= !IsDigit(member.Name) || errors.Count == before;
            }
        }

        return WithDistinctDigits(voice, seen.Contains(ConfirmDigitName), digitsValid, field, errors);
    }

    private static VoiceSettings WithMember(VoiceSettings voice, JsonProperty member, string field, List<ValidationError> errors)
    {
        var value = member.Value;
        var defaults = VoiceSettings.Default;
        if (Is(member.Name, MaxConcurrentCallsName))
        {
            return voice with
            {
                MaxConcurrentCalls = Number(value, field, errors, VoiceSettings.MaxAllowedConcurrentCalls, defaults.MaxConcurrentCalls,
                    "calls of this campaign to have in progress at once"),
            };
        }

        if (Is(member.Name, RingingTimeoutSecondsName))
        {
            return voice with
            {
                RingingTimeoutSeconds = Number(value, field, errors, VoiceSettings.MaxAllowedRingingTimeoutSeconds,
                    defaults.RingingTimeoutSeconds, "seconds to let a call ring before it counts as unanswered"),
            };
        }

        if (Is(member.Name, MaxAttemptsPer24hName))
        {
            return voice with
            {
                MaxAttemptsPer24h = Number(value, field, errors, VoiceSettings.MaxAllowedAttemptsPer24h, defaults.MaxAttemptsPer24h,
                    "calls one recipient may get in any 24 hours, retries included"),
            };
        }

        if (Is(member.Name, MachineDetectionName))
        {
            return voice with { MachineDetection = ParseMachineDetection(value, field, errors) };
        }

        if (Is(member.Name, OptOutDigitName))
        {
            return voice with { OptOutDigit = ParseDigit(value, field, errors, defaults.OptOutDigit) };
        }

        return Is(member.Name, ConfirmDigitName)
            ? voice with { ConfirmDigit = ParseDigit(value, field, errors, defaults.ConfirmDigit) }
            : voice with { Retry = VoiceRetryParser.Parse(value, field, errors) };
    }

    private static int Number(JsonElement value, string field, List<ValidationError> errors, int max, int fallback, string meaning)
    {
        if (WholeNumber(value, 1, max) is { } number)
        {
            return number;
        }

        errors.Add(new(field, $"{Shown(value)} is not allowed; use a whole number of {meaning}, from 1 to {max}, e.g. {fallback}."));
        return fallback;
    }

    private static MachineDetection ParseMachineDetection(JsonElement value, string field, List<ValidationError> errors)
    {
        if (value.ValueKind == JsonValueKind.String && MachineDetectionNames.TryParse(value.GetString(), out var detection))
        {
            return detection;
        }

        errors.Add(new(field,
            $"{Shown(value)} is not a machine detection choice; use \"leaveMessage\" (speak the script after the beep), " +
            "\"hangup\" (end the call when a machine answers) or \"off\" (speak to whatever answers)."));
        return VoiceSettings.Default.MachineDetection;
    }

    private static string ParseDigit(JsonElement value, string field, List<ValidationError> errors, string fallback)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is [var key] && VoiceSettings.Keys.Contains(key))
        {
            return key.ToString();
        }

        errors.Add(new(field, $"{Shown(value)} is not a key; use one key of the phone's keypad as a string: \"0\" to \"9\", \"*\" or \"#\"."));
        return fallback;
    }

    // One key cannot both opt out and confirm; the error goes to the member the client gave, confirmDigit if both.
    private static VoiceSettings WithDistinctDigits(
        VoiceSettings voice, bool confirmGiven, bool digitsValid, string field, List<ValidationError> errors)
    {
        if (voice.OptOutDigit != voice.ConfirmDigit)
        {
            return voice;
        }

        if (digitsValid)
        {
            errors.Add(new($"{field}.{(confirmGiven ? ConfirmDigitName : OptOutDigitName)}",
                $"optOutDigit and confirmDigit are both \"{voice.OptOutDigit}\"; use different keys, " +
                "or a recipient who confirms would be opted out."));
        }

        var defaults = VoiceSettings.Default;
        return voice with { OptOutDigit = defaults.OptOutDigit, ConfirmDigit = defaults.ConfirmDigit };
    }

    private static bool IsDigit(string name) => Is(name, OptOutDigitName) || Is(name, ConfirmDigitName);
}

using System.Text.Json;
using static MassCampaign.Domain.Campaigns.SettingValues;

namespace MassCampaign.Domain.Campaigns;

/// <summary>Turns settings.hybrid into <see cref="HybridSettings"/>; the mode has no default because neither order suits every campaign.</summary>
internal static class HybridSettingsParser
{
    internal const string ModeName = "mode";

    /// <summary>The advice every message about a missing or wrong mode ends with.</summary>
    internal const string ModeChoices =
        "use \"smsFirst\" (send the SMS, then call the recipients whose SMS fails) or " +
        "\"callFirst\" (call, then send an SMS to the recipients whose call ends unanswered, busy or on voicemail)";

    internal static HybridSettings? Parse(JsonElement value, string field, List<ValidationError> errors)
    {
        var modeField = $"{field}.{ModeName}";
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(field, "Use an object such as {\"mode\": \"smsFirst\"}."));
            return null;
        }

        HybridSettings? hybrid = null;
        var modeGiven = false;
        foreach (var member in value.EnumerateObject())
        {
            if (!Is(member.Name, ModeName))
            {
                errors.Add(new($"{field}.{member.Name}", $"'{member.Name}' is not a hybrid setting; use {ModeName}."));
            }
            else if (member.Value.ValueKind != JsonValueKind.Null)
            {
                modeGiven = true;
                hybrid = ParseMode(member.Value, modeField, errors);
            }
        }

        if (!modeGiven)
        {
            errors.Add(new(modeField, $"A mode is required; {ModeChoices}."));
        }

        return hybrid;
    }

    private static HybridSettings? ParseMode(JsonElement value, string field, List<ValidationError> errors)
    {
        if (value.ValueKind == JsonValueKind.String && HybridModeNames.TryParse(value.GetString(), out var mode))
        {
            return new HybridSettings(mode);
        }

        errors.Add(new(field, $"{Shown(value)} is not a hybrid mode; {ModeChoices}."));
        return null;
    }
}

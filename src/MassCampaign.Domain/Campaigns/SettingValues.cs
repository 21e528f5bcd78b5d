using System.Text.Json;
using NodaTime;
using static MassCampaign.Domain.Campaigns.CampaignSettingsParser;

namespace MassCampaign.Domain.Campaigns;

/// <summary>Reads the kinds of value the settings parsers share, adding an error that names the field when one does not fit.</summary>
internal static class SettingValues
{
    internal const string RetryExample = "{\"maxAttempts\": 3, \"afterMinutes\": 30}";

    internal static bool Is(string name, string known) => string.Equals(name, known, StringComparison.OrdinalIgnoreCase);

    internal static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();

    /// <summary>
    /// The members of a retry object, {maxAttempts, afterMinutes}; each one left out, or that does not fit, keeps the
    /// value given here.
    /// </summary>
    /// <param name="once">What a single attempt does, for the messages: "send" or "call".</param>
    internal static (int MaxAttempts, Duration After) RetryMembers(
        JsonElement retry, string field, List<ValidationError> errors, string once, int maxAttempts, Duration after)
    {
        foreach (var member in retry.EnumerateObject())
        {
            var memberField = $"{field}.{member.Name}";
            if (Is(member.Name, MaxAttemptsName))
            {
                maxAttempts = Attempts(member.Value, memberField, errors, once, maxAttempts);
            }
            else if (Is(member.Name, AfterMinutesName))
            {
                after = AfterMinutes(member.Value, memberField, errors, after);
            }
            else
            {
                errors.Add(new(memberField, $"'{member.Name}' is not a retry setting; use {MaxAttemptsName} or {AfterMinutesName}."));
            }
        }

        return (maxAttempts, after);
    }

    internal static int? WholeNumber(JsonElement value, int min, int max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : null;

    private static int Attempts(JsonElement value, string field, List<ValidationError> errors, string once, int fallback)
    {
        if (WholeNumber(value, RetryPolicy.MinAttempts, RetryPolicy.MaxAllowedAttempts) is { } attempts)
        {
            return attempts;
        }

        errors.Add(new(field,
            $"{Shown(value)} is not allowed; use a whole number of attempts from {RetryPolicy.MinAttempts} ({once} once, no retry) " +
            $"to {RetryPolicy.MaxAllowedAttempts}."));
        return fallback;
    }

    private static Duration AfterMinutes(JsonElement value, string field, List<ValidationError> errors, Duration fallback)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var minutes)
            && minutes > 0 && minutes <= RetryPolicy.MaxAfterMinutes)
        {
            return Duration.FromMinutes(minutes);
        }

        errors.Add(new(field,
            $"{Shown(value)} is not allowed; use a number of minutes above 0 and at most {RetryPolicy.MaxAfterMinutes} (7 days), e.g. 30."));
        return fallback;
    }
}

using System.Text.Json;
using MassCampaign.Domain.Campaigns;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Campaigns;

/// <summary>
/// Maps a request onto the domain's <see cref="CampaignDraft"/> (filling the configured calling-window defaults),
/// runs <see cref="CampaignValidator"/>, and answers either the errors per JSON field or the campaign to store.
/// </summary>
public sealed class CampaignRequestValidator(IOptions<CallingWindowDefaults> defaults)
{
    public bool TryValidate(CampaignRequest request, out ValidCampaign? campaign, out Dictionary<string, string[]> errors)
    {
        var settingErrors = new List<ValidationError>();
        var settings = SettingsAsText(request.Settings, settingErrors);
        var draft = new CampaignDraft(
            request.Name, request.Type, request.SmsTemplate, request.VoiceScript, request.From, WithDefaults(request.CallingWindow), settings);

        var found = CampaignValidator.Validate(draft).Concat(settingErrors).Concat(NulCharacters(request)).ToList();
        errors = found
            .GroupBy(error => error.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray());
        if (found.Count > 0
            || !CallingWindowSpec.TryParse(draft.CallingWindow, out var window, out _)
            || !CampaignTypeNames.TryParse(request.Type, out var type))
        {
            campaign = null;
            return false;
        }

        campaign = new ValidCampaign(
            request.Name!.Trim(),
            type,
            NullIfBlank(request.SmsTemplate),
            NullIfBlank(request.VoiceScript),
            request.From!,
            window,
            JsonSerializer.Serialize(request.Settings ?? []));
        return true;
    }

    private CallingWindowDraft? WithDefaults(CallingWindowRequest? window)
    {
        if (window is null)
        {
            return null;
        }

        var configured = defaults.Value;
        var days = window.Days ?? (configured.Days.Count > 0 ? configured.Days.Cast<string?>().ToList() : null);
        return new CallingWindowDraft(days, window.Start ?? configured.Start, window.End ?? configured.End, window.TimeZone);
    }

    /// <summary>The domain sees settings as text; numbers and booleans are read as written, nested values are refused.</summary>
    private static Dictionary<string, string?>? SettingsAsText(Dictionary<string, JsonElement>? settings, List<ValidationError> errors)
    {
        if (settings is null)
        {
            return null;
        }

        var text = new Dictionary<string, string?>(settings.Count);
        foreach (var (name, value) in settings)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    text[name] = value.GetString();
                    break;
                case JsonValueKind.Null:
                    text[name] = null;
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    text[name] = value.GetRawText();
                    break;
                default:
                    errors.Add(new ValidationError($"settings.{name}", "Use a string, number or boolean; settings are flat."));
                    break;
            }
        }

        return text;
    }

    // PostgreSQL text and jsonb cannot hold NUL: without this check it would surface as a server error.
    private static IEnumerable<ValidationError> NulCharacters(CampaignRequest request)
    {
        var fields = new (string Field, string? Value)[]
        {
            ("name", request.Name), ("smsTemplate", request.SmsTemplate), ("voiceScript", request.VoiceScript), ("from", request.From),
        };
        var settings = (request.Settings ?? []).SelectMany(setting => new (string Field, string? Value)[]
        {
            ("settings", setting.Key),
            ($"settings.{setting.Key}", setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString() : null),
        });
        return fields.Concat(settings)
            .Where(field => field.Value?.Contains('\0') == true)
            .Select(field => new ValidationError(field.Field.Replace("\0", ""), "Remove the NUL character (\\u0000); it cannot be stored."));
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

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
        var draft = new CampaignDraft(
            request.Name, request.Type, request.SmsTemplate, request.VoiceScript, request.From, WithDefaults(request.CallingWindow),
            request.Settings);

        var found = CampaignValidator.Validate(draft).Concat(NulCharacters(request)).ToList();
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
            CampaignSettings.Parse(request.Settings, out _));
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

    // PostgreSQL text and jsonb cannot hold NUL: without this check it would surface as a server error.
    private static IEnumerable<ValidationError> NulCharacters(CampaignRequest request)
    {
        var fields = new (string Field, string? Value)[]
        {
            ("name", request.Name), ("smsTemplate", request.SmsTemplate), ("voiceScript", request.VoiceScript), ("from", request.From),
        };
        var settings = request.Settings is { } json ? JsonText("settings", json) : [];
        return fields.Concat(settings)
            .Where(field => field.Value?.Contains('\0') == true)
            .Select(field => new ValidationError(field.Field.Replace("\0", ""), "Remove the NUL character (\\u0000); it cannot be stored."));
    }

    /// <summary>Every member name (as its parent's value) and string value in a JSON value, each with its path.</summary>
    private static IEnumerable<(string Field, string? Value)> JsonText(string path, JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => [(path, json.GetString())],
        JsonValueKind.Object => json.EnumerateObject().SelectMany(member =>
            JsonText($"{path}.{member.Name}", member.Value).Prepend((path, member.Name))),
        JsonValueKind.Array => json.EnumerateArray().SelectMany((item, index) => JsonText($"{path}[{index}]", item)),
        _ => [],
    };

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

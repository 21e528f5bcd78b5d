using System.Text.Json;
using MassCampaign.Domain.Messaging;
using MassCampaign.Domain.Voice;

namespace MassCampaign.Domain.Campaigns;

/// <summary>Checks a <see cref="CampaignDraft"/> and says, per JSON field, what to fix.</summary>
public static class CampaignValidator
{
    public const int MaxNameLength = 200;
    public const int MaxSmsTemplateLength = 3200;

    private const string HybridField = "settings.hybrid";
    private const string HybridModeField = $"{HybridField}.{HybridSettingsParser.ModeName}";

    private static readonly string TypeChoices = Phrases.JoinWithOr(CampaignTypeNames.All);

    public static IReadOnlyList<ValidationError> Validate(CampaignDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);

        var errors = new List<ValidationError>();
        ValidateName(draft.Name, errors);
        var type = ValidateType(draft.Type, errors);
        ValidateSmsTemplate(draft.SmsTemplate, type, errors);
        ValidateVoiceScript(draft.VoiceScript, type, errors);
        ValidateFrom(draft.From, type, errors);
        CallingWindowSpec.TryParse(draft.CallingWindow, out _, out var windowErrors);
        errors.AddRange(windowErrors);
        ValidateSettings(draft.Settings, type, errors);
        return errors;
    }

    private static void ValidateName(string? name, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("name", $"A name is required: 1 to {MaxNameLength} characters."));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new("name", $"The name is {name.Length} characters long; shorten it to at most {MaxNameLength}."));
        }
    }

    private static CampaignType? ValidateType(string? text, List<ValidationError> errors)
    {
        if (CampaignTypeNames.TryParse(text, out var type))
        {
            return type;
        }

        errors.Add(new("type", string.IsNullOrWhiteSpace(text)
            ? $"A type is required; use {TypeChoices}."
            : $"'{text}' is not a campaign type; use {TypeChoices}."));
        return null;
    }

    private static void ValidateSmsTemplate(string? text, CampaignType? type, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (type is CampaignType.Sms or CampaignType.Hybrid)
            {
                errors.Add(new("smsTemplate",
                    $"{Phrases.CampaignOfType(type.Value)} needs smsTemplate: the text to send, e.g. \"Hi {{{{first_name|there}}}}, …\"."));
            }

            return;
        }

        if (text.Length > MaxSmsTemplateLength)
        {
            errors.Add(new("smsTemplate",
                $"The SMS template is {text.Length} characters long; shorten it to at most {MaxSmsTemplateLength}."));
        }
        else if (!SmsTemplate.TryParse(text, out _, out var error))
        {
            errors.Add(new("smsTemplate", error));
        }
    }

    private static void ValidateVoiceScript(string? text, CampaignType? type, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (type is CampaignType.Voice or CampaignType.Hybrid)
            {
                errors.Add(new("voiceScript",
                    $"{Phrases.CampaignOfType(type.Value)} needs voiceScript: the text spoken when the call is answered."));
            }

            return;
        }

        if (!VoiceScript.TryParse(text, out _, out var error))
        {
            errors.Add(new("voiceScript", error));
        }
    }

    private static void ValidateFrom(string? from, CampaignType? type, List<ValidationError> errors)
    {
        const string shapes =
            "an alphanumeric sender ID of 1 to 11 letters, digits or spaces with at least one letter, " +
            "or a phone number of 4 to 15 digits with an optional leading '+'";

        var kind = Senders.KindOf(from);
        if (kind is null)
        {
            errors.Add(new("from", string.IsNullOrEmpty(from)
                ? $"A sender is required: {shapes}."
                : $"'{from}' is not a valid sender; use {shapes}."));
        }
        else if (kind == SenderKind.Alphanumeric && type is CampaignType.Voice or CampaignType.Hybrid)
        {
            errors.Add(new("from",
                $"'{from}' is an alphanumeric sender ID, but calls need a phone number as caller ID; use 4 to 15 digits with an optional leading '+'."));
        }
    }

    private static void ValidateSettings(JsonElement? json, CampaignType? type, List<ValidationError> errors)
    {
        var settings = CampaignSettings.Parse(json, out var settingErrors);
        errors.AddRange(settingErrors);

        // A hybrid given without a usable mode has its error already; one with no settings.hybrid at all is told here.
        if (type == CampaignType.Hybrid && settings.Hybrid is null
            && !settingErrors.Any(e => e.Field.StartsWith(HybridField, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new(HybridModeField, $"A hybrid campaign needs settings.hybrid.mode: {HybridSettingsParser.ModeChoices}."));
        }
    }
}

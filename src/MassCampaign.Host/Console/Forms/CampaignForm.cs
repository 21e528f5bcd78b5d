using System.Text.Json;
using MassCampaign.Data.Campaigns;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Host.Campaigns;

namespace MassCampaign.Host.OperatorConsole.Forms;

/// <summary>
/// The draft form's fields. They turn into the API's <see cref="CampaignRequest"/>, so the console and the API share
/// one validator and its errors keep the API's field names (name, smsTemplate, callingWindow.timeZone, …).
/// </summary>
public sealed class CampaignForm
{
    public string? Name { get; set; }

    public string? Type { get; set; } = "sms";

    public string? From { get; set; }

    public string? SmsTemplate { get; set; }

    public string? VoiceScript { get; set; }

    public List<string> Days { get; set; } = [];

    public string? Start { get; set; }

    public string? End { get; set; }

    public string? TimeZone { get; set; }

    public string? Settings { get; set; }

    public static CampaignForm Of(CampaignRecord campaign)
    {
        var window = CallingWindowDocument.Parse(campaign.CallingWindowJson);
        return new CampaignForm
        {
            Name = campaign.Name,
            Type = CampaignTypeNames.ToWire(campaign.Type),
            From = campaign.Sender,
            SmsTemplate = campaign.SmsTemplate,
            VoiceScript = campaign.VoiceScript,
            Days = [.. window.Days],
            Start = window.Start,
            End = window.End,
            TimeZone = window.TimeZone,
            Settings = campaign.Settings.ToJson(),
        };
    }

    /// <returns>False with an error for "settings" when the settings text is not JSON.</returns>
    public bool TryToRequest(out CampaignRequest request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        JsonElement? settings = null;
        if (!string.IsNullOrWhiteSpace(Settings))
        {
            try
            {
                settings = JsonDocument.Parse(Settings).RootElement.Clone();
            }
            catch (JsonException e)
            {
                errors["settings"] = [$"Settings must be JSON, e.g. {{\"retry\": {{\"maxAttempts\": 2}}}}: {e.Message}"];
            }
        }

        var window = new CallingWindowRequest(
            Days.Count == 0 ? null : Days.Cast<string?>().ToList(), Blank(Start), Blank(End), Blank(TimeZone));
        request = new CampaignRequest(Blank(Name), Blank(Type), Blank(SmsTemplate), Blank(VoiceScript), Blank(From), window, settings);
        return errors.Count == 0;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

using System.Text.Json;

namespace MassCampaign.Domain.Campaigns;

/// <summary>A campaign as a client sends it to be created or edited, before validation.</summary>
/// <param name="Settings">The settings object as sent; see <see cref="CampaignSettings"/>.</param>
public sealed record CampaignDraft(
    string? Name,
    string? Type,
    string? SmsTemplate,
    string? VoiceScript,
    string? From,
    CallingWindowDraft? CallingWindow,
    JsonElement? Settings = null);

namespace MassCampaign.Domain.Campaigns;

/// <summary>A campaign as a client sends it to be created or edited, before validation.</summary>
public sealed record CampaignDraft(
    string? Name,
    string? Type,
    string? SmsTemplate,
    string? VoiceScript,
    string? From,
    CallingWindowDraft? CallingWindow,
    IReadOnlyDictionary<string, string?>? Settings = null);

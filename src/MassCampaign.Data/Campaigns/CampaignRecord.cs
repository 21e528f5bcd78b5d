using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Data.Campaigns;

/// <summary>A row of the campaigns table.</summary>
/// <param name="CallingWindowJson">The calling window as stored: {days, start, end, timeZone}.</param>
/// <param name="Settings">Stored as the JSON object <see cref="CampaignSettings.ToJson"/> writes.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="UpdatedAt">UTC.</param>
public sealed record CampaignRecord(
    Guid Id,
    string Name,
    CampaignType Type,
    CampaignStatus Status,
    string? SmsTemplate,
    string? VoiceScript,
    string Sender,
    string CallingWindowJson,
    CampaignSettings Settings,
    DateTime CreatedAt,
    DateTime UpdatedAt);

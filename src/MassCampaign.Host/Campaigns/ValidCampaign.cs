using MassCampaign.Data.Campaigns;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Host.Campaigns;

/// <summary>A campaign request that passed validation, in the shape it is stored.</summary>
public sealed record ValidCampaign(
    string Name,
    CampaignType Type,
    string? SmsTemplate,
    string? VoiceScript,
    string From,
    CallingWindowSpec CallingWindow,
    CampaignSettings Settings)
{
    public CampaignRecord ToRecord(Guid id, CampaignStatus status, DateTime createdAt, DateTime updatedAt) => new(
        id,
        Name,
        Type,
        status,
        SmsTemplate,
        VoiceScript,
        From,
        CallingWindowDocument.From(CallingWindow).ToJson(),
        Settings,
        createdAt,
        updatedAt);
}

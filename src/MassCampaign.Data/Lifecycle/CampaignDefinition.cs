using MassCampaign.Domain.Campaigns;
using MassCampaign.Domain.Scheduling;

namespace MassCampaign.Data.Lifecycle;

/// <summary>What the campaign engine needs of a campaign row: identity, status, what to send, from whom, and when.</summary>
public sealed record CampaignDefinition(
    Guid Id,
    string Name,
    CampaignType Type,
    CampaignStatus Status,
    string? StatusReason,
    string? SmsTemplate,
    string? VoiceScript,
    string Sender,
    CallingWindow CallingWindow,
    string CallingWindowJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>Retry policy and the handling of unknown sends; every default where the row gives none.</summary>
    public CampaignSettings Settings { get; init; } = CampaignSettings.Default;
}

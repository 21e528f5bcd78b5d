using MassCampaign.Domain.Recipients;
using System.Text.Json;
using MassCampaign.Data.Campaigns;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Host.Campaigns;

/// <summary>A campaign as the API returns it; times are UTC, settings have every default written out.</summary>
public sealed record CampaignResponse(
    Guid Id,
    string Name,
    string Type,
    string Status,
    string? SmsTemplate,
    string? VoiceScript,
    string From,
    CallingWindowDocument CallingWindow,
    JsonElement Settings,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    RecipientCountsResponse Recipients)
{
    public static CampaignResponse Of(CampaignRecord campaign, RecipientTally counts) => new(
        campaign.Id,
        campaign.Name,
        CampaignTypeNames.ToWire(campaign.Type),
        CampaignStatusNames.ToWire(campaign.Status),
        campaign.SmsTemplate,
        campaign.VoiceScript,
        campaign.Sender,
        CallingWindowDocument.Parse(campaign.CallingWindowJson),
        JsonSerializer.Deserialize<JsonElement>(campaign.Settings.ToJson()),
        campaign.CreatedAt,
        campaign.UpdatedAt,
        RecipientCountsResponse.From(counts));
}

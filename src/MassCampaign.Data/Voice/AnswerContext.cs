using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Data.Voice;

/// <summary>What the answer webhook needs to render a recipient's script: the campaign's script and the contact's fields.</summary>
public sealed record AnswerContext(
    long RecipientId,
    int Attempt,
    string PhoneE164,
    Guid CampaignId,
    CampaignStatus CampaignStatus,
    string? VoiceScript,
    CampaignSettings Settings,
    string? FirstName,
    string? LastName,
    string? TimeZone,
    IReadOnlyDictionary<string, string> Attributes,
    bool Blacklisted);

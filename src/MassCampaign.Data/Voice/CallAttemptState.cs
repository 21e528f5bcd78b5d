using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Data.Voice;

/// <summary>
/// A call attempt's recipient and campaign as they are now, which its events' verdict depends on. The call counts
/// include this attempt once its call is recorded.
/// </summary>
public sealed record CallAttemptState(
    string ClientRef,
    long RecipientId,
    int Attempt,
    string RecipientStatus,
    string PhoneE164,
    bool FollowUp,
    Guid CampaignId,
    CampaignType CampaignType,
    CampaignStatus CampaignStatus,
    CampaignSettings Settings,
    int CallsInLast24Hours,
    bool CallRecorded,
    bool CallEnded,
    int CallsMade)
{
    /// <summary>Whether the recipient still waits on this attempt: being dialled, in the call, or unknown.</summary>
    public bool AwaitsThisAttempt =>
        ClientRef == $"{RecipientId}-{Attempt}" && RecipientStatus is "sending" or "sent" or "unknown";
}

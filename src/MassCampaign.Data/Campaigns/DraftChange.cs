using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Data.Campaigns;

/// <summary>
/// What became of a change that is only allowed while a campaign is a draft: done (with the campaign as it is now),
/// refused because the campaign has another status, or no such campaign.
/// </summary>
public sealed record DraftChange(DraftChangeOutcome Outcome, CampaignStatus? Status, CampaignRecord? Campaign)
{
    public static DraftChange NotFound { get; } = new(DraftChangeOutcome.NotFound, null, null);

    public static DraftChange NotDraft(CampaignStatus status) => new(DraftChangeOutcome.NotDraft, status, null);

    public static DraftChange Done(CampaignRecord? campaign) => new(DraftChangeOutcome.Done, CampaignStatus.Draft, campaign);
}

namespace MassCampaign.Data.Campaigns;

public enum DraftChangeOutcome
{
    Done,
    NotFound,
    NotDraft,
}

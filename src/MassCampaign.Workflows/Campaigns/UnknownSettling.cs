using MassCampaign.Data.Lifecycle;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>How a campaign settles sends that may or may not have reached the provider: how long it waits for a receipt, and whether it then resends.</summary>
internal sealed record UnknownSettling(TimeSpan UnknownResolveAfter, bool Resend)
{
    public static UnknownSettling Of(CampaignDefinition campaign) => new(
        campaign.Settings.UnknownResolveAfter.ToTimeSpan(),
        Resend: campaign.Settings.UnknownPolicy == UnknownPolicy.Resend);
}

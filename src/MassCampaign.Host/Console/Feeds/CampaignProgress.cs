using MassCampaign.Domain.Campaigns;
using MassCampaign.Domain.Recipients;
using MassCampaign.Host.Campaigns;

namespace MassCampaign.Host.OperatorConsole.Feeds;

/// <summary>
/// One campaign's place in its run, as the console's bars and buttons show it. Done counts every recipient with a
/// final outcome; <see cref="Commands"/> are those the state machine accepts now, so the page never offers one it would refuse.
/// </summary>
public sealed record CampaignProgress(
    Guid Id, string Status, string Type, long Total, long Done, int Percent, RecipientCountsResponse Counts, IReadOnlyList<string> Commands)
{
    public static CampaignProgress Of(Guid id, CampaignStatus status, CampaignType type, RecipientTally tally)
    {
        var open = tally.Pending + tally.Sending + tally.Deferred + tally.UnknownUnresolved;
        var done = Math.Max(0, tally.Total - open);
        var percent = tally.Total == 0 ? 0 : (int)(done * 100 / tally.Total);
        return new(
            id, CampaignStatusNames.ToWire(status), CampaignTypeNames.ToWire(type), tally.Total, done, percent,
            RecipientCountsResponse.From(tally), LifecycleButtons.Allowed(status));
    }
}

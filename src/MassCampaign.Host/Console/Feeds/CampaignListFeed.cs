using System.Runtime.CompilerServices;
using MassCampaign.Data.Campaigns;
using MassCampaign.Domain.Recipients;

namespace MassCampaign.Host.OperatorConsole.Feeds;

/// <summary>The progress of the campaigns on one list page, read about every second for as long as the page listens.</summary>
public sealed class CampaignListFeed(CampaignRepository campaigns, TimeProvider time)
{
    public async IAsyncEnumerable<IReadOnlyList<CampaignProgress>> ReadAsync(
        CampaignListFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            yield return await SnapshotAsync(filter, ct);
            if (!await FeedPause.WaitAsync(time, ct))
            {
                yield break;
            }
        }
    }

    public async Task<IReadOnlyList<CampaignProgress>> SnapshotAsync(CampaignListFilter filter, CancellationToken ct)
    {
        var page = await campaigns.ListAsync(filter.ToQuery(), ct);
        return page.Items
            .Select(c => CampaignProgress.Of(c.Id, c.Status, c.Type, page.CountsOf(c.Id)))
            .ToList();
    }
}

using System.Runtime.CompilerServices;
using MassCampaign.Data.Inbound;
using MassCampaign.Workflows.Campaigns;

namespace MassCampaign.Host.OperatorConsole.Feeds;

/// <summary>One campaign's status as its grain reports it, with the replies and opt-outs that arrived since the last push.</summary>
public sealed class CampaignPageFeed(IGrainFactory grains, SmsReplyQueries replies, TimeProvider time)
{
    public const int RecentReplies = 50;

    /// <param name="afterReplyId">The newest reply the page already shows; 0 when it shows none.</param>
    public async IAsyncEnumerable<CampaignPageUpdate> ReadAsync(Guid id, long afterReplyId, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = afterReplyId;
        while (!ct.IsCancellationRequested)
        {
            if (await SnapshotAsync(id, after, ct) is not { } update)
            {
                yield break;
            }

            after = Math.Max(after, update.Replies.Select(r => r.Id).DefaultIfEmpty(after).Max());
            yield return update;
            if (!await FeedPause.WaitAsync(time, ct))
            {
                yield break;
            }
        }
    }

    /// <returns>Null when no campaign has this id.</returns>
    public async Task<CampaignPageUpdate?> SnapshotAsync(Guid id, long afterReplyId, CancellationToken ct)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetStatusAsync() is not { } view)
        {
            return null;
        }

        var counts = await replies.CountByCampaignAsync(id, ct);
        var recent = await replies.ListByCampaignAsync(id, null, 0, RecentReplies, ct);
        return new CampaignPageUpdate(
            CampaignProgress.Of(view.Id, view.Status, view.Type, view.Progress),
            view.Phase,
            view.Reason,
            view.NextWindowOpensAt,
            view.RatePerSecond,
            view.QueuePosition,
            counts,
            recent.Where(r => r.Id > afterReplyId).Select(ReplyItem.From).ToList());
    }
}

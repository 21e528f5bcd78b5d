using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Voice;
using NodaTime;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>
/// A hybrid campaign's two channels: each order goes to the first channel (recipients never tried, and its retries)
/// and to the follow-up channel (recipients the first one handed over), each under its own limits. A call's outcome
/// hands a callFirst recipient over as it is decided; an smsFirst recipient is handed over here, once its SMS has
/// failed, and completion waits while an SMS receipt may still ask for a call.
/// </summary>
public sealed class HybridDispatcher(
    ICampaignDispatcher first, ICampaignDispatcher followUp, bool smsFirst, HybridFollowUps followUps) : ICampaignDispatcher
{
    public async Task<BatchReport> SendBatchAsync(BatchOrder order)
    {
        var firsts = first.SendBatchAsync(order);
        var seconds = followUp.SendBatchAsync(order);
        return (await firsts).Plus(await seconds);
    }

    public async Task<int> SettleAsync(CampaignDefinition campaign, Instant now, CancellationToken ct)
    {
        var moved = await first.SettleAsync(campaign, now, ct) + await followUp.SettleAsync(campaign, now, ct);
        return smsFirst ? moved + await followUps.FollowUpFailedSmsAsync(campaign.Id, now.ToDateTimeOffset(), ct) : moved;
    }

    public async Task<AwaitedOutcomes> AwaitedAsync(CampaignDefinition campaign, Instant now, CancellationToken ct)
    {
        var awaited = (await first.AwaitedAsync(campaign, now, ct)).Plus(await followUp.AwaitedAsync(campaign, now, ct));
        if (!smsFirst)
        {
            return awaited;
        }

        // A receipt that says failed asks for a call; one that never comes within the unknown wait asks for nothing.
        var wait = campaign.Settings.UnknownResolveAfter.ToTimeSpan();
        var (count, oldest) = await followUps.AwaitedReceiptsAsync(campaign.Id, now.ToDateTimeOffset() - wait, ct);
        return awaited.Plus(new AwaitedOutcomes(count, oldest is { } sentAt ? Instant.FromDateTimeOffset(sentAt + wait) : null));
    }
}

using MassCampaign.Data.Lifecycle;
using MassCampaign.Workflows.Sending;
using NodaTime;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>SMS as a channel: each batch goes to a local <see cref="ISmsBatchSender"/> worker.</summary>
public sealed class SmsDispatcher(IGrainFactory grains, bool followUps = false) : ICampaignDispatcher
{
    public async Task<BatchReport> SendBatchAsync(BatchOrder order)
    {
        var campaign = order.Campaign;
        var request = new SmsBatchRequest(
            campaign.Id, campaign.Sender, campaign.SmsTemplate ?? "", order.OpenZoneKeys, order.Limit, order.Now.ToDateTimeOffset(),
            campaign.CallingWindowJson, order.UnknownResolveAfter, followUps);
        var result = await grains.GetGrain<ISmsBatchSender>(0).SendAsync(request);
        return BatchReport.From(result);
    }

    // A receipt settles an SMS on its own; nothing here waits on the channel.
    public Task<int> SettleAsync(CampaignDefinition campaign, Instant now, CancellationToken ct) => Task.FromResult(0);

    public Task<AwaitedOutcomes> AwaitedAsync(CampaignDefinition campaign, Instant now, CancellationToken ct) =>
        Task.FromResult(AwaitedOutcomes.None);
}

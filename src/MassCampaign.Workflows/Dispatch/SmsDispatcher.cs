using MassCampaign.Workflows.Sending;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>SMS as a channel: each batch goes to a local <see cref="ISmsBatchSender"/> worker.</summary>
public sealed class SmsDispatcher(IGrainFactory grains) : ICampaignDispatcher
{
    public async Task<BatchReport> SendBatchAsync(BatchOrder order)
    {
        var campaign = order.Campaign;
        var request = new SmsBatchRequest(
            campaign.Id, campaign.Sender, campaign.SmsTemplate ?? "", order.OpenZoneKeys, order.Limit, order.Now.ToDateTimeOffset(),
            campaign.CallingWindowJson, order.UnknownResolveAfter);
        var result = await grains.GetGrain<ISmsBatchSender>(0).SendAsync(request);
        return new BatchReport(result.Claimed, result.Accepted, result.Retried, result.Released, result.FatalError, result.AccountRefusal);
    }
}

using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Voice;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Voice;
using NodaTime;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>
/// Voice as a channel: one batch at a time per campaign, each sized to the room left under maxConcurrentCalls, so
/// the calls in progress (recorded, or unknown) plus the batch's own never pass the limit.
/// </summary>
public sealed class VoiceDispatcher(IGrainFactory grains, CallRepository calls, CallSettler settler, bool followUps = false)
    : ICampaignDispatcher, IDisposable
{
    private readonly SemaphoreSlim _oneBatch = new(1, 1);

    public async Task<BatchReport> SendBatchAsync(BatchOrder order)
    {
        if (!await _oneBatch.WaitAsync(0))
        {
            return BatchReport.Empty;
        }

        try
        {
            var campaign = order.Campaign;
            var voice = campaign.Settings.Voice;
            var inProgress = await calls.InProgressAsync(campaign.Id, CancellationToken.None);
            var room = voice.MaxConcurrentCalls - inProgress.Count;
            if (room <= 0)
            {
                // Every slot is taken: a call whose events were lost must not hold one for ever.
                await settler.SettleOverdueAsync(campaign.Id, order.Now, CancellationToken.None);
                return BatchReport.Empty;
            }

            var request = new VoiceBatchRequest(
                campaign.Id, campaign.Sender, order.OpenZoneKeys, (int)Math.Min(order.Limit, room), order.Now.ToDateTimeOffset(),
                campaign.CallingWindowJson, order.UnknownResolveAfter, followUps, campaign.VoiceScript ?? "",
                MachineDetectionNames.ToWire(voice.MachineDetection), voice.RingingTimeoutSeconds);
            return BatchReport.From(await grains.GetGrain<IVoiceBatchSender>(0).SendAsync(request));
        }
        finally
        {
            _oneBatch.Release();
        }
    }

    public Task<int> SettleAsync(CampaignDefinition campaign, Instant now, CancellationToken ct) =>
        settler.SettleOverdueAsync(campaign.Id, now, ct);

    public async Task<AwaitedOutcomes> AwaitedAsync(CampaignDefinition campaign, Instant now, CancellationToken ct)
    {
        var inProgress = await calls.InProgressAsync(campaign.Id, ct);
        return new AwaitedOutcomes(inProgress.Count, inProgress.EarliestDeadline is { } due ? Instant.FromDateTimeOffset(due) : null);
    }

    public void Dispose() => _oneBatch.Dispose();
}

using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Voice;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Voice;
using NodaTime;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>
/// Voice as a channel. Up to two batches run at once per campaign, so the next one is dialling while the last records
/// its calls; each is sized to the room left under maxConcurrentCalls, counting calls recorded in progress and the
/// recipients claimed by batches still running, so the campaign's calls never pass the limit. A batch holds about a
/// second of calls at the account's call rate plus the dials it keeps in flight (DESIGN.md §4 rule 1), whatever the
/// SMS-sized order asked: calls have their own rate.
/// </summary>
public sealed class VoiceDispatcher(
    IGrainFactory grains, CallRepository calls, CallSettler settler, VoiceRateLimitOptions rate, bool followUps = false)
    : ICampaignDispatcher
{
    private const int MaxBatches = 2;

    private readonly Lock _gate = new();
    private int _batches;

    // Recipients claimed by running batches, whose calls are not recorded yet; and every claim ever made, so a reader
    // can tell which claims came after it read the recorded calls.
    private int _claimed;
    private long _claimedEver;

    public async Task<BatchReport> SendBatchAsync(BatchOrder order)
    {
        lock (_gate)
        {
            if (_batches >= MaxBatches)
            {
                return BatchReport.Empty;
            }

            _batches++;
        }

        try
        {
            return await SendOneAsync(order);
        }
        finally
        {
            lock (_gate)
            {
                _batches--;
            }
        }
    }

    private async Task<BatchReport> SendOneAsync(BatchOrder order)
    {
        var campaign = order.Campaign;
        var voice = campaign.Settings.Voice;
        // A batch records its calls before it gives its claim back, so each call is counted at least once: in the
        // claims seen before the read, in the read, or in the claims made after it.
        (int Claimed, long Ever) before;
        lock (_gate)
        {
            before = (_claimed, _claimedEver);
        }

        var inProgress = await calls.InProgressAsync(campaign.Id, CancellationToken.None);
        var perBatch = (rate.IsUnlimited ? voice.MaxConcurrentCalls : rate.VoiceCallsPerSecond) + VoiceBatchSender.CallsInFlightPerBatch;
        int limit;
        lock (_gate)
        {
            var room = voice.MaxConcurrentCalls - inProgress.Count - before.Claimed - (_claimedEver - before.Ever);
            limit = (int)Math.Clamp(room, 0, perBatch);
            _claimed += limit;
            _claimedEver += limit;
        }

        if (limit == 0)
        {
            // Every slot is taken: a call whose events were lost must not hold one for ever.
            await settler.SettleOverdueAsync(campaign.Id, order.Now, CancellationToken.None);
            return BatchReport.Empty;
        }

        try
        {
            var request = new VoiceBatchRequest(
                campaign.Id, campaign.Sender, order.OpenZoneKeys, limit, order.Now.ToDateTimeOffset(),
                campaign.CallingWindowJson, order.UnknownResolveAfter, followUps, campaign.VoiceScript ?? "",
                MachineDetectionNames.ToWire(voice.MachineDetection), voice.RingingTimeoutSeconds);
            return BatchReport.From(await grains.GetGrain<IVoiceBatchSender>(0).SendAsync(request));
        }
        finally
        {
            lock (_gate)
            {
                _claimed -= limit;
            }
        }
    }

    public Task<int> SettleAsync(CampaignDefinition campaign, Instant now, CancellationToken ct) =>
        settler.SettleOverdueAsync(campaign.Id, now, ct);

    public async Task<AwaitedOutcomes> AwaitedAsync(CampaignDefinition campaign, Instant now, CancellationToken ct)
    {
        var inProgress = await calls.InProgressAsync(campaign.Id, ct);
        return new AwaitedOutcomes(inProgress.Count, inProgress.EarliestDeadline is { } due ? Instant.FromDateTimeOffset(due) : null);
    }
}

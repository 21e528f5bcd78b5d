using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Sending;
using MassCampaign.Data.Voice;
using MassCampaign.Domain.Telemetry;
using MassCampaign.Vonage;
using MassCampaign.Vonage.Voice;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.RateLimiting;
using MassCampaign.Workflows.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Concurrency;

namespace MassCampaign.Workflows.Voice;

/// <summary>
/// Claims a batch and creates its calls with bounded parallelism under the account's call rate. Each call is checked
/// right before it is created (<see cref="SendChecks"/>) and its handover recorded first (<see cref="HandoverJournal"/>),
/// so a crash leaves known-undialled recipients pending and only calls that may exist unknown. The dials are written
/// in one transaction at the end, then any events that came first are applied.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class VoiceBatchSender(
    ISendPathRepository sendPath,
    CallRepository calls,
    CallVerdicts verdicts,
    VonageVoiceClient voice,
    VoiceWebhookUrls urls,
    SendPermits permits,
    RecentOptOuts optOuts,
    IClock clock,
    TimeProvider time,
    IOptions<SendPathOptions> options,
    IOptions<VonageOptions> vonage,
    ILogger<VoiceBatchSender> logger) : Grain, IVoiceBatchSender
{
    // Each dial waits for its rate token, checks the recipient and records its handover before the provider hears of
    // it: enough dials in flight that the account rate, not those round trips, sets the pace (100+ calls/s measured).
    internal const int CallsInFlightPerBatch = 32;

    public async Task<SendBatchResult> SendAsync(VoiceBatchRequest request)
    {
        var permit = permits.For(request.CampaignId);
        if (!permit.IsOpen)
        {
            return SendBatchResult.Empty;
        }

        var claimed = await sendPath.ClaimTracedAsync(request.CampaignId, request.FollowUps, request.OpenZoneKeys, request.Limit, request.Now);
        if (claimed.Count == 0)
        {
            return SendBatchResult.Empty;
        }

        // The claimed recipients' requests and the write of their outcomes: HTTP spans to Vonage nest under it.
        using var sending = MassCampaignTelemetry.StartCampaignActivity("voice.dial", request.CampaignId);

        var run = new VoiceBatchRun(
            request, permit, new SendChecks(permit, CallingWindowJson.Parse(request.CallingWindowJson), optOuts, clock),
            new HandoverJournal(sendPath, claimed[0].BatchId, claimed.Count, CallsInFlightPerBatch), claimed.Count, time.GetTimestamp());
        var callLongest = TimeSpan.FromSeconds(request.RingingTimeoutSeconds + vonage.Value.VoiceLengthTimerSeconds);
        var dialer = new CallDialer(voice, urls, optOuts, clock, time, options.Value.BatchBudget, callLongest, logger);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = CallsInFlightPerBatch, TaskScheduler = TaskScheduler.Default };
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count), parallel, async (i, _) =>
            run.Dials[i] = await dialer.DialAsync(run, claimed[i]));

        await RecordAsync(run, claimed);
        return run.Summarize();
    }

    private async Task RecordAsync(VoiceBatchRun run, IReadOnlyList<ClaimedRecipient> claimed)
    {
        var outcomes = run.Dials.Select(d => d.Outcome).ToArray();
        var dialed = run.Dials.Where(d => d.Call is not null).Select(d => d.Call!).ToArray();
        await calls.RecordDialsAsync(outcomes, dialed, new BatchSettlement(claimed[0].BatchId, run.Request.UnknownResolveAfter),
            clock.GetCurrentInstant().ToDateTimeOffset(), CancellationToken.None);
        // Events may have come before their call was recorded: the verdicts they make are applied now.
        await verdicts.ApplyAsync(dialed.Select(c => (c.RecipientId, c.ClientRef)).ToArray(), CancellationToken.None);
    }
}

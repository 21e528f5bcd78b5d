using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Sending;
using MassCampaign.Workflows.Dispatch;
using Microsoft.Extensions.Logging;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// A send-loop tick with nothing due and no batch out: settle what is left (unknown sends past their deadline,
/// scheduled retries, the channel's own (lost call events, hybrid follow-ups), recipients cut off from their sender,
/// pending ones behind a claim cursor), complete the campaign when nothing is left or awaited, or say until when the
/// loop may rest.
/// </summary>
internal sealed class NothingDueStep(
    Guid campaignId, ICampaignDispatcher dispatcher, ISendPathRepository sendPath, RecipientReopening reopening,
    ICampaignLifecycleRepository campaigns, ProgressCache counts, ILogger logger)
{
    public async Task<NothingDueOutcome> DecideAsync(LoopView view, DateTimeOffset at, long batchesAnswered, CancellationToken ct)
    {
        if (await sendPath.ResolveUnknownsAsync(campaignId, view.ResendUnknowns, at, ct) is > 0 and var resolved)
        {
            logger.LogInformation("Campaign {CampaignId}: {Count} unknown sends had no receipt in time; resend: {Resend}", campaignId, resolved, view.ResendUnknowns);
            return Busy(new LoopDecision.Carry());
        }

        if (view.Campaign.Settings.Retry is { MaxAttempts: > 1 } retry
            && await reopening.ScheduleRetriesAsync(campaignId, retry.MaxAttempts, retry.After.ToTimeSpan(), ct) is > 0 and var retried)
        {
            logger.LogInformation("Campaign {CampaignId}: {Count} recipients failed with a passing error and will be retried", campaignId, retried);
            return Busy(new LoopDecision.Carry());
        }

        if (await dispatcher.SettleAsync(view.Campaign, NodaTime.Instant.FromDateTimeOffset(at), ct) > 0)
        {
            return Busy(new LoopDecision.Carry());
        }

        var generation = await campaigns.RecipientGenerationAsync(campaignId, ct);
        var progress = await counts.RefreshAsync(batchesAnswered, ct);
        if (progress.Sending > 0)
        {
            // No batch of ours is out, so these lost their sender (a failed write, a dropped call).
            var interrupted = await sendPath.RecoverInterruptedAsync(campaignId, view.UnknownResolveAfter, ct);
            logger.LogWarning("Campaign {CampaignId}: recipients left sending with no batch out: {Released} released, {Unknown} unknown",
                campaignId, interrupted.Released, interrupted.Unknown);
            return Busy(new LoopDecision.Carry());
        }

        var awaited = await dispatcher.AwaitedAsync(view.Campaign, NodaTime.Instant.FromDateTimeOffset(at), ct);
        if (progress.IsFinished && awaited.Count == 0)
        {
            return Busy(new LoopDecision.Complete(generation));
        }

        var retryAt = await sendPath.NextRetryDueAsync(campaignId, at, ct);
        if (retryAt is null && progress.Pending > 0)
        {
            // Pending, not waiting for a retry, yet in no zone's reach: below a claim cursor, which goes back to them.
            logger.LogWarning("Campaign {CampaignId}: {Count} pending recipients lay behind the claim cursors; rewinding the cursors", campaignId, progress.Pending);
            await sendPath.RewindClaimCursorsAsync(campaignId, ct);
            return Busy(new LoopDecision.Carry());
        }

        var unknownAt = progress.UnknownUnresolved > 0 ? await sendPath.NextUnknownDeadlineAsync(campaignId, ct) : null;
        var settleAt = awaited.SettleAt?.ToDateTimeOffset();
        var phase = retryAt is not null ? CampaignPhases.WaitingForRetry
            : unknownAt is not null ? CampaignPhases.WaitingForReceipts
            : awaited.Count > 0 ? CampaignPhases.WaitingForOutcomes
            : CampaignPhases.Sending;
        return new NothingDueOutcome(new LoopDecision.EnterPhase(phase), Idle: true,
            Earliest(Earliest(retryAt, unknownAt), settleAt) is { } due ? NodaTime.Instant.FromDateTimeOffset(due) : null);
    }

    private static NothingDueOutcome Busy(LoopDecision decision) => new(decision, Idle: false, null);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}

using MassCampaign.Data.Lifecycle;
using MassCampaign.Data.Sending;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Domain.Recipients;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Dispatch;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// The campaign's send loop, channel-agnostic: each tick it asks what is due, lets <see cref="SendPlanner"/> decide,
/// hands batches to the channel's <see cref="ICampaignDispatcher"/> without awaiting them, and returns a
/// <see cref="LoopDecision"/> for the grain to apply. It never calls the grain.
/// </summary>
internal sealed class CampaignSendLoop
{
    private static readonly TimeSpan ZoneKeysMaxAge = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    private readonly Guid _id;
    private readonly ICampaignDispatcher _dispatcher;
    private readonly ISendPathRepository _sendPath;
    private readonly ICampaignLifecycleRepository _campaigns;
    private readonly RecipientReopening _reopening;
    private readonly IClock _clock;
    private readonly TimeProvider _time;
    private readonly SendPathOptions _options;
    private readonly ClaimSizer _claimSizer;
    private readonly ILogger _logger;
    private readonly InFlightBatches _inFlight;
    private readonly SendRateMeter _meter;
    private readonly ProgressCache _progress;

    private IReadOnlyList<string>? _zoneKeys;
    private long _zoneKeysAt;
    private long? _idleSince;
    private Instant? _nextDueAt;

    public CampaignSendLoop(
        Guid id, ICampaignDispatcher dispatcher, ISendPathRepository sendPath, RecipientReopening reopening,
        ICampaignLifecycleRepository campaigns, IClock clock, TimeProvider time,
        SendPathOptions options, SmsRateLimitOptions rate, ILogger logger)
    {
        _id = id;
        _dispatcher = dispatcher;
        _sendPath = sendPath;
        _campaigns = campaigns;
        _reopening = reopening;
        _clock = clock;
        _time = time;
        _options = options;
        _logger = logger;
        _meter = new SendRateMeter(time);
        _inFlight = new InFlightBatches(_meter, logger);
        _progress = new ProgressCache(id, sendPath, time);
        _claimSizer = new ClaimSizer(options, rate);
    }

    public int InFlight => _inFlight.Count;

    public double RatePerSecond => _meter.PerSecond();

    public Task<RecipientTally> ProgressAsync(string phase, CancellationToken ct) =>
        _progress.ReadAsync(phase == CampaignPhases.Sending, _inFlight.Answered, ct);

    public void ForgetProgress() => _progress.Forget();

    /// <summary>Resumed, woken or started again: look for work at once, and forget a refusal from before.</summary>
    public void Wake()
    {
        _idleSince = null;
        _inFlight.ForgetRefusal();
    }

    public Task DrainAsync() => _inFlight.DrainAsync();

    public async Task<LoopDecision> StepAsync(LoopView view, CancellationToken ct)
    {
        if (_inFlight.TakeFatalError() is { } fatal)
        {
            return new LoopDecision.Fail(fatal);
        }

        if (view.Status == CampaignStatus.Running)
        {
            return _inFlight.AccountRefusal is { } refusal
                ? new LoopDecision.Pause(refusal)
                : await SendStepAsync(view, ct);
        }

        if (_inFlight.Count > 0)
        {
            return new LoopDecision.Carry();
        }

        return CampaignTransitions.IsTerminal(view.Status) && !view.WoundDown
            ? new LoopDecision.FinishWindDown()
            : new LoopDecision.StopTicking();
    }

    private async Task<LoopDecision> SendStepAsync(LoopView view, CancellationToken ct)
    {
        var free = _options.MaxBatchesInFlight - _inFlight.Count;
        var now = _clock.GetCurrentInstant();
        if (free <= 0 || IsIdle(now))
        {
            return new LoopDecision.Carry();
        }

        _idleSince = null;
        var dueKeys = await DueZoneKeysAsync(now, ct);
        switch (SendPlanner.Plan(view.Campaign.CallingWindow, dueKeys, now, free, _inFlight.Count, _inFlight.LastClaimWasFull))
        {
            case SendPlan.Dispatch dispatch:
                var limit = _claimSizer.PerBatch(_meter.PerSecond());
                for (var i = 0; i < dispatch.Batches; i++)
                {
                    var order = new BatchOrder(view.Campaign, dispatch.OpenZoneKeys, limit, now, view.UnknownResolveAfter);
                    _inFlight.Track(_dispatcher.SendBatchAsync(order), limit);
                }

                return new LoopDecision.EnterPhase(CampaignPhases.Sending);
            case SendPlan.WaitForWindow wait:
                return new LoopDecision.WaitForWindow(wait.OpensAt);
            case SendPlan.WindowNeverOpens:
                return new LoopDecision.Fail("The calling window never opens in the time zones of the recipients left.");
            case SendPlan.NothingDue:
                return await NothingDueAsync(view, now, ct);
            default:
                return new LoopDecision.Carry();
        }
    }

    private async Task<LoopDecision> NothingDueAsync(LoopView view, Instant now, CancellationToken ct)
    {
        _zoneKeys = null;
        if (_inFlight.Count > 0)
        {
            return new LoopDecision.Carry();
        }

        var at = now.ToDateTimeOffset();
        if (await _sendPath.ResolveUnknownsAsync(_id, view.ResendUnknowns, at, ct) is > 0 and var resolved)
        {
            _logger.LogInformation("Campaign {CampaignId}: {Count} unknown sends had no receipt in time; resend: {Resend}", _id, resolved, view.ResendUnknowns);
            return new LoopDecision.Carry();
        }

        if (view.Campaign.Settings.Retry is { MaxAttempts: > 1 } retry
            && await _reopening.ScheduleRetriesAsync(_id, retry.MaxAttempts, retry.After.ToTimeSpan(), ct) is > 0 and var retried)
        {
            _logger.LogInformation("Campaign {CampaignId}: {Count} recipients failed with a passing error and will be retried", _id, retried);
            return new LoopDecision.Carry();
        }

        var generation = await _campaigns.RecipientGenerationAsync(_id, ct);
        var progress = await _progress.RefreshAsync(_inFlight.Answered, ct);
        if (progress.Sending > 0)
        {
            // No batch of ours is out, so these lost their sender (a failed write, a dropped call).
            var interrupted = await _sendPath.RecoverInterruptedAsync(_id, view.UnknownResolveAfter, ct);
            _logger.LogWarning("Campaign {CampaignId}: recipients left sending with no batch out: {Released} released, {Unknown} unknown",
                _id, interrupted.Released, interrupted.Unknown);
            return new LoopDecision.Carry();
        }

        if (progress.IsFinished)
        {
            return new LoopDecision.Complete(generation);
        }

        var retryAt = await _sendPath.NextRetryDueAsync(_id, at, ct);
        if (retryAt is null && progress.Pending > 0)
        {
            // Pending, not waiting for a retry, yet in no zone's reach: below a claim cursor, which goes back to them.
            _logger.LogWarning("Campaign {CampaignId}: {Count} pending recipients lay behind the claim cursors; rewinding the cursors", _id, progress.Pending);
            await _sendPath.RewindClaimCursorsAsync(_id, ct);
            return new LoopDecision.Carry();
        }

        var unknownAt = progress.UnknownUnresolved > 0 ? await _sendPath.NextUnknownDeadlineAsync(_id, ct) : null;
        _nextDueAt = Earliest(retryAt, unknownAt) is { } due ? Instant.FromDateTimeOffset(due) : null;
        _idleSince = _time.GetTimestamp();
        return new LoopDecision.EnterPhase(
            retryAt is not null ? CampaignPhases.WaitingForRetry
            : unknownAt is not null ? CampaignPhases.WaitingForReceipts
            : CampaignPhases.Sending);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    // Waiting for retries costs no query until the earliest one is due, or a few seconds pass in case rows changed.
    private bool IsIdle(Instant now) =>
        _idleSince is { } since
        && !_inFlight.PendingMayHaveChanged
        && _time.GetElapsedTime(since) < IdlePoll
        && (_nextDueAt is null || now < _nextDueAt);

    private async Task<IReadOnlyList<string>> DueZoneKeysAsync(Instant now, CancellationToken ct)
    {
        if (_zoneKeys is null || _inFlight.PendingMayHaveChanged || _time.GetElapsedTime(_zoneKeysAt) > ZoneKeysMaxAge)
        {
            _inFlight.PendingMayHaveChanged = false;
            _zoneKeys = await _sendPath.PendingZoneKeysAsync(_id, now.ToDateTimeOffset(), ct);
            _zoneKeysAt = _time.GetTimestamp();
        }

        return _zoneKeys;
    }
}

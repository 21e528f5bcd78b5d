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
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    private readonly Guid _id;
    private readonly ICampaignDispatcher _dispatcher;
    private readonly IClock _clock;
    private readonly TimeProvider _time;
    private readonly SendPathOptions _options;
    private readonly ClaimSizer _claimSizer;
    private readonly InFlightBatches _inFlight;
    private readonly SendRateMeter _meter;
    private readonly ProgressCache _progress;
    private readonly NothingDueStep _nothingDue;
    private readonly DueZoneKeys _dueZoneKeys;

    private long? _idleSince;
    private Instant? _nextDueAt;

    public CampaignSendLoop(
        Guid id, ICampaignDispatcher dispatcher, ISendPathRepository sendPath, RecipientReopening reopening,
        ICampaignLifecycleRepository campaigns, IClock clock, TimeProvider time,
        SendPathOptions options, SmsRateLimitOptions rate, ILogger logger)
    {
        _id = id;
        _dispatcher = dispatcher;
        _clock = clock;
        _time = time;
        _options = options;
        _meter = new SendRateMeter(time);
        _inFlight = new InFlightBatches(_meter, logger);
        _progress = new ProgressCache(id, sendPath, time);
        _claimSizer = new ClaimSizer(options, rate);
        _nothingDue = new NothingDueStep(id, dispatcher, sendPath, reopening, campaigns, _progress, logger);
        _dueZoneKeys = new DueZoneKeys(id, sendPath, time);
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

        return _inFlight.Count > 0 ? new LoopDecision.Carry()
            : CampaignTransitions.IsTerminal(view.Status) && !view.WoundDown ? new LoopDecision.FinishWindDown()
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
        var dueKeys = await _dueZoneKeys.ReadAsync(now, _inFlight, ct);
        switch (SendPlanner.Plan(view.Campaign.CallingWindow, dueKeys, now, free, _inFlight.Count, _inFlight.LastClaimWasFull))
        {
            case SendPlan.Dispatch dispatch:
                var limit = _claimSizer.PerBatch(_meter.PerSecond());
                for (var i = 0; i < dispatch.Batches; i++)
                {
                    var order = new BatchOrder(view.Campaign, dispatch.OpenZoneKeys, limit, now, view.UnknownResolveAfter);
                    _inFlight.Track(_dispatcher.SendBatchTracedAsync(order, _id, view.StartedBy), limit);
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
        _dueZoneKeys.Forget();
        if (_inFlight.Count > 0)
        {
            return new LoopDecision.Carry();
        }

        var settled = await _nothingDue.DecideAsync(view, now.ToDateTimeOffset(), _inFlight.Answered, ct);
        if (settled.Idle)
        {
            (_nextDueAt, _idleSince) = (settled.NextDueAt, _time.GetTimestamp());
        }

        return settled.Decision;
    }

    // Waiting for retries costs no query until the earliest one is due, or a few seconds pass in case rows changed.
    private bool IsIdle(Instant now) =>
        _idleSince is { } since
        && !_inFlight.PendingMayHaveChanged
        && _time.GetElapsedTime(since) < IdlePoll
        && (_nextDueAt is null || now < _nextDueAt);
}

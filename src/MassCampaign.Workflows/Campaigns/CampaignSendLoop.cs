using MassCampaign.Data.Sending;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Sending;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// The campaign grain's send loop: a grain timer that, each tick, asks what is due, lets <see cref="SendPlanner"/>
/// decide, and sends batches off without awaiting them, so commands and status reads are never stuck behind a batch.
/// It also settles an ended campaign once its last batch is back.
/// </summary>
internal sealed class CampaignSendLoop
{
    private static readonly TimeSpan ZoneKeysMaxAge = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    private readonly CampaignGrain _grain;
    private readonly IGrainFactory _grains;
    private readonly ISendPathRepository _sendPath;
    private readonly IClock _clock;
    private readonly TimeProvider _time;
    private readonly SendPathOptions _options;
    private readonly ILogger _logger;
    private readonly InFlightBatches _inFlight;
    private readonly SendRateMeter _meter;
    private readonly int _claimSize;

    private IGrainTimer? _timer;
    private ProgressCounts? _progress;
    private long _progressAt;
    private TimeSpan _progressTook;
    private long _progressAnswered;
    private IReadOnlyList<string>? _zoneKeys;
    private long _zoneKeysAt;
    private long? _idleSince;
    private Instant? _nextRetryAt;

    public CampaignSendLoop(
        CampaignGrain grain, IGrainFactory grains, ISendPathRepository sendPath, IClock clock, TimeProvider time,
        SendPathOptions options, SmsRateLimitOptions rate, ILogger logger)
    {
        _grain = grain;
        _grains = grains;
        _sendPath = sendPath;
        _clock = clock;
        _time = time;
        _options = options;
        _logger = logger;
        _meter = new SendRateMeter(time);
        _inFlight = new InFlightBatches(_meter, logger);
        // A batch should go out in about ten seconds of the account's rate, so slow accounts get small batches.
        _claimSize = rate.IsUnlimited
            ? options.BatchSize
            : Math.Clamp(rate.SmsRequestsPerSecond * 10 / Math.Max(1, options.MaxBatchesInFlight), 1, options.BatchSize);
    }

    public int InFlight => _inFlight.Count;

    public double RatePerSecond => _meter.PerSecond();

    private Guid Id => _grain.GetPrimaryKey();

    public void Start()
    {
        _idleSince = null;
        _timer ??= _grain.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(_options.Tick, _options.Tick) { KeepAlive = true });
    }

    /// <summary>Stops ticking and waits for the batches still out.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        StopTimer();
        try
        {
            await _inFlight.DrainAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("Campaign {CampaignId} deactivated with {Batches} batches still out", Id, _inFlight.Count);
        }
    }

    public async Task<ProgressCounts> ProgressAsync(CancellationToken cancellationToken) =>
        _progress is not null
        && ProgressReuse.Allowed(_time.GetElapsedTime(_progressAt), _progressTook, sending: _grain.State.Phase == CampaignPhases.Sending,
                                 batchAnsweredSince: _progressAnswered != _inFlight.Answered)
            ? _progress
            : await RefreshProgressAsync(cancellationToken);

    /// <summary>The campaign changed in a way counts show (a new phase, cancelled, ended): the next read queries afresh.</summary>
    public void ForgetProgress() => _progress = null;

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StepAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Campaign {CampaignId}: send loop tick failed; trying again next tick", Id);
        }
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        var state = _grain.State;
        if (_inFlight.FatalError is { } fatal)
        {
            await _grain.FailAsync(fatal);
        }

        if (state.Status == CampaignStatus.Running)
        {
            await SendStepAsync(cancellationToken);
            return;
        }

        if (_inFlight.Count > 0)
        {
            return;
        }

        if (CampaignTransitions.IsTerminal(state.Status) && !state.WoundDown)
        {
            await _grain.FinishWindDownAsync();
        }

        StopTimer();
    }

    private async Task SendStepAsync(CancellationToken cancellationToken)
    {
        var free = _options.MaxBatchesInFlight - _inFlight.Count;
        var now = _clock.GetCurrentInstant();
        if (free <= 0 || IsIdle(now))
        {
            return;
        }

        _idleSince = null;
        var dueKeys = await DueZoneKeysAsync(now, cancellationToken);
        switch (SendPlanner.Plan(_grain.Campaign.CallingWindow, dueKeys, now, free, _inFlight.Count, _inFlight.LastClaimWasFull))
        {
            case SendPlan.Dispatch dispatch:
                await SetPhaseAsync(CampaignPhases.Sending, null);
                for (var i = 0; i < dispatch.Batches; i++)
                {
                    Dispatch(dispatch.OpenZoneKeys, now);
                }

                break;
            case SendPlan.WaitForWindow wait:
                await WaitForWindowAsync(wait.OpensAt, now);
                break;
            case SendPlan.WindowNeverOpens:
                await _grain.FailAsync("The calling window never opens in the time zones of the recipients left.");
                break;
            case SendPlan.NothingDue:
                await NothingDueAsync(now, cancellationToken);
                break;
        }
    }

    private void Dispatch(IReadOnlyList<string> openZoneKeys, Instant now)
    {
        var campaign = _grain.Campaign;
        var request = new SmsBatchRequest(Id, campaign.Sender, campaign.SmsTemplate ?? "", openZoneKeys, _claimSize, now.ToDateTimeOffset());
        _inFlight.Track(_grains.GetGrain<ISmsBatchSender>(0).SendAsync(request), request.Limit);
    }

    private async Task WaitForWindowAsync(Instant opensAt, Instant now)
    {
        var opens = opensAt.ToDateTimeOffset();
        if (_grain.State.Phase == CampaignPhases.WaitingForWindow && _grain.State.NextWindowOpensAt == opens)
        {
            return;
        }

        await SetPhaseAsync(CampaignPhases.WaitingForWindow, opens);
        // Ticks notice the opening first on this host; the reminder brings the campaign back after a crash.
        await _grain.ScheduleWakeAsync((opensAt - now).ToTimeSpan());
    }

    private async Task NothingDueAsync(Instant now, CancellationToken cancellationToken)
    {
        _zoneKeys = null;
        if (_inFlight.Count > 0)
        {
            return;
        }

        var progress = await RefreshProgressAsync(cancellationToken);
        if (progress.Sending > 0)
        {
            // No batch of ours is out, so these lost their sender (a failed write, a dropped call): never resend blindly.
            var interrupted = await _sendPath.MarkInterruptedAsUnknownAsync(Id, cancellationToken);
            _logger.LogWarning("Campaign {CampaignId}: {Count} recipients were left sending with no batch out; marked unknown", Id, interrupted);
            progress = await RefreshProgressAsync(cancellationToken);
        }

        if (progress.IsFinished)
        {
            await _grain.CompleteAsync();
            return;
        }

        var retryAt = await _sendPath.NextRetryDueAsync(Id, now.ToDateTimeOffset(), cancellationToken);
        if (retryAt is null && progress.Pending > 0)
        {
            // Pending, not waiting for a retry, yet in no zone's reach: below a claim cursor, which goes back to them.
            _logger.LogWarning("Campaign {CampaignId}: {Count} pending recipients lay behind the claim cursors; rewinding the cursors", Id, progress.Pending);
            await _sendPath.RewindClaimCursorsAsync(Id, cancellationToken);
            return;
        }

        _nextRetryAt = retryAt is { } at ? Instant.FromDateTimeOffset(at) : null;
        _idleSince = _time.GetTimestamp();
        await SetPhaseAsync(retryAt is null ? CampaignPhases.Sending : CampaignPhases.WaitingForRetry, null);
    }

    // Waiting for retries costs no query until the earliest one is due, or a few seconds pass in case rows changed.
    private bool IsIdle(Instant now) =>
        _idleSince is { } since
        && !_inFlight.PendingMayHaveChanged
        && _time.GetElapsedTime(since) < IdlePoll
        && (_nextRetryAt is null || now < _nextRetryAt);

    private async Task<IReadOnlyList<string>> DueZoneKeysAsync(Instant now, CancellationToken cancellationToken)
    {
        if (_zoneKeys is null || _inFlight.PendingMayHaveChanged || _time.GetElapsedTime(_zoneKeysAt) > ZoneKeysMaxAge)
        {
            _inFlight.PendingMayHaveChanged = false;
            _zoneKeys = await _sendPath.PendingZoneKeysAsync(Id, now.ToDateTimeOffset(), cancellationToken);
            _zoneKeysAt = _time.GetTimestamp();
        }

        return _zoneKeys;
    }

    private async Task<ProgressCounts> RefreshProgressAsync(CancellationToken cancellationToken)
    {
        _progressAnswered = _inFlight.Answered;
        var started = _time.GetTimestamp();
        _progress = ProgressCounts.From(await _sendPath.GetProgressAsync(Id, cancellationToken));
        _progressAt = _time.GetTimestamp();
        _progressTook = _time.GetElapsedTime(started, _progressAt);
        return _progress;
    }

    private async Task SetPhaseAsync(string phase, DateTimeOffset? nextWindowOpensAt)
    {
        var state = _grain.State;
        if (state.Phase == phase && state.NextWindowOpensAt == nextWindowOpensAt)
        {
            return;
        }

        state.Phase = phase;
        state.NextWindowOpensAt = nextWindowOpensAt;
        await _grain.WriteStateAsync();
        // A status that shows the new phase shows counts from after the change, not the ones reused from before it.
        ForgetProgress();
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }
}

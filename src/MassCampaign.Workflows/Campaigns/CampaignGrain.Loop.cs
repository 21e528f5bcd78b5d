using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Dispatch;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>The send loop's timer, and the decisions the loop returns, applied here.</summary>
public sealed partial class CampaignGrain
{
    private CampaignSendLoop? _loop;
    private IGrainTimer? _timer;

    internal Data.Lifecycle.CampaignDefinition Campaign => _campaign ?? throw new InvalidOperationException($"Campaign {Id} is not loaded.");

    private CampaignSendLoop Loop => _loop ??= new CampaignSendLoop(
        Id, dispatchers.For(Campaign, GrainFactory), sendPath, reopening, campaigns, clock, time, sendOptions.Value, rateOptions.Value, logger);

    private UnknownSettling Settling => UnknownSettling.Of(Campaign);

    /// <summary>Opens the permit for a running campaign and makes sure the timer ticks.</summary>
    private void RunLoop()
    {
        if (Current.Status == CampaignStatus.Running)
        {
            Permit.Open();
        }

        Loop.Wake();
        _timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(sendOptions.Value.Tick, sendOptions.Value.Tick) { KeepAlive = true });
    }

    /// <summary>Batches still out must record before another activation could mistake their recipients for a crash's.</summary>
    private async Task StopLoopAsync(CancellationToken cancellationToken)
    {
        Permit.Close("the campaign's grain is deactivating");
        StopTicking();
        if (_loop is null)
        {
            return;
        }

        try
        {
            await _loop.DrainAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Campaign {CampaignId} deactivated with {Batches} batches still out", Id, _loop.InFlight);
        }
    }

    private void StopTicking()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private Task StopTickingAsync()
    {
        StopTicking();
        return Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            var view = new LoopView(Campaign, Current.Status, Current.Phase, Current.NextWindowOpensAt, Current.WoundDown,
                Settling.UnknownResolveAfter, Settling.Resend) { StartedBy = StartedBy };
            await ApplyAsync(await Loop.StepAsync(view, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Campaign {CampaignId}: send loop tick failed; trying again next tick", Id);
        }
    }

    private Task ApplyAsync(LoopDecision decision) => decision switch
    {
        LoopDecision.EnterPhase enter => SetPhaseAsync(enter.Phase, null),
        LoopDecision.WaitForWindow wait => WaitForWindowAsync(wait.OpensAt),
        LoopDecision.Complete complete => CompleteAsync(complete.RecipientGeneration),
        LoopDecision.Fail fail when CampaignTransitions.IsAllowed(Current.Status, CampaignStatus.Failed) => EndAsync(CampaignStatus.Failed, fail.Reason),
        LoopDecision.Pause pause when Current.Status == CampaignStatus.Running => HaltAsync(() => MoveToAsync(CampaignStatus.Paused, pause.Reason)),
        LoopDecision.FinishWindDown => FinishWindDownAsync(),
        LoopDecision.StopTicking => StopTickingAsync(),
        _ => Task.CompletedTask,
    };

    /// <summary>Not if an import added recipients since the count: the next ticks send them.</summary>
    private async Task CompleteAsync(long recipientGeneration)
    {
        if (await campaigns.TryCompleteAsync(Id, recipientGeneration, clock.GetCurrentInstant().ToDateTimeOffset(), CancellationToken.None))
        {
            await EndAsync(CampaignStatus.Completed, null);
        }
    }

    private async Task WaitForWindowAsync(Instant opensAt)
    {
        var opens = opensAt.ToDateTimeOffset();
        if (Current.Phase == CampaignPhases.WaitingForWindow && Current.NextWindowOpensAt == opens)
        {
            return;
        }

        await SetPhaseAsync(CampaignPhases.WaitingForWindow, opens);
        // Ticks notice the opening first on this host; the reminder brings the campaign back after a crash.
        var due = (opensAt - clock.GetCurrentInstant()).ToTimeSpan();
        await this.RegisterOrUpdateReminder(WakeReminder, due < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : due, WakePeriod);
    }

    private async Task SetPhaseAsync(string phase, DateTimeOffset? nextWindowOpensAt)
    {
        if (Current.Phase == phase && Current.NextWindowOpensAt == nextWindowOpensAt)
        {
            return;
        }

        Current.Phase = phase;
        Current.NextWindowOpensAt = nextWindowOpensAt;
        await state.WriteStateAsync();
        // A status that shows the new phase shows counts from after the change, not the ones reused from before it.
        Loop.ForgetProgress();
    }
}

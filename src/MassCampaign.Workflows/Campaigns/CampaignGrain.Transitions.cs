using MassCampaign.Data.Lifecycle;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Gates;
using Microsoft.Extensions.Logging;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// How the campaign moves between statuses. Every change is written to the campaigns row first and to grain state
/// second, so after a crash between the two the row is ahead and activation adopts it.
/// </summary>
public sealed partial class CampaignGrain
{
    internal CampaignDefinition Campaign => _campaign ?? throw new InvalidOperationException($"Campaign {Id} is not loaded.");

    internal CampaignState State => Current;

    internal Task WriteStateAsync() => state.WriteStateAsync();

    /// <summary>Every recipient is terminal: the campaign is complete.</summary>
    internal Task CompleteAsync() => EndAsync(CampaignStatus.Completed, null);

    /// <summary>An error the campaign cannot recover from; a no-op once it has ended.</summary>
    internal Task FailAsync(string reason) =>
        CampaignTransitions.IsAllowed(Current.Status, CampaignStatus.Failed) ? EndAsync(CampaignStatus.Failed, reason) : Task.CompletedTask;

    /// <summary>The durable wake-up: at the next window opening, then every minute while the campaign lives.</summary>
    internal Task ScheduleWakeAsync(TimeSpan dueTime) =>
        this.RegisterOrUpdateReminder(WakeReminder, dueTime < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : dueTime, WakePeriod);

    /// <summary>After an end, once no batch is out: cancel what a late batch handed back, then settle.</summary>
    internal async Task FinishWindDownAsync()
    {
        await sendPath.CancelRemainingAsync(Id, CancellationToken.None);
        await campaigns.MarkWoundDownAsync(Id, clock.GetCurrentInstant().ToDateTimeOffset(), CancellationToken.None);
        _loop?.ForgetProgress();
        Current.WoundDown = true;
        await state.WriteStateAsync();
    }

    private async Task<LifecycleResult> CommandAsync(CampaignCommand command, Func<CampaignStatus, Task> apply)
    {
        _campaign ??= await campaigns.FindAsync(Id, CancellationToken.None);
        if (_campaign is null)
        {
            return LifecycleResult.NotFound;
        }

        var decision = CampaignCommands.TargetOf(command, Current.Status);
        if (!decision.IsAccepted)
        {
            return LifecycleResult.Conflict(decision.Reason);
        }

        await apply(decision.Target.Value);
        return LifecycleResult.Accepted;
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var row = Campaign;
        if (Current.Status != row.Status)
        {
            logger.LogInformation("Campaign {CampaignId}: state said {StateStatus}, the row says {RowStatus}; adopting the row",
                Id, Current.Status, row.Status);
            Current.Status = row.Status;
            Current.Reason = row.StatusReason;
            Current.Phase = CampaignPhases.Of(row.Status);
            Current.WoundDown = false;
            await state.WriteStateAsync(cancellationToken);
        }

        switch (Current.Status)
        {
            case CampaignStatus.Queued:
                await AcquireSlotAsync();
                break;
            case CampaignStatus.Running or CampaignStatus.Paused:
                // Nothing of this campaign can be in flight before its activation: whatever says 'sending' was cut off.
                await sendPath.MarkInterruptedAsUnknownAsync(Id, cancellationToken);
                await Gate().AcquireAsync(Id);
                if (Current.Status == CampaignStatus.Running)
                {
                    Loop.Start();
                }

                break;
            case var ended when CampaignTransitions.IsTerminal(ended) && !Current.WoundDown:
                await sendPath.MarkInterruptedAsUnknownAsync(Id, cancellationToken);
                await Gate().ReleaseAsync(Id);
                await UnregisterWakeAsync();
                await FinishWindDownAsync();
                break;
        }
    }

    private async Task AcquireSlotAsync()
    {
        var admission = await Gate().AcquireAsync(Id);
        if (admission.Granted)
        {
            await EnterRunningAsync();
            return;
        }

        Current.QueuePosition = admission.Position;
        await state.WriteStateAsync();
    }

    private async Task EnterRunningAsync()
    {
        await MoveToAsync(CampaignStatus.Running, null);
        Loop.Start();
    }

    /// <summary>Completed, stopped or failed: nothing new is claimed, what is left is cancelled, the slot goes back.</summary>
    private async Task EndAsync(CampaignStatus status, string? reason)
    {
        await MoveToAsync(status, reason);
        if (status == CampaignStatus.Failed)
        {
            logger.LogWarning("Campaign {CampaignId} failed: {Reason}", Id, reason);
        }

        await Gate().ReleaseAsync(Id);
        await UnregisterWakeAsync();
        if (_loop is null || _loop.InFlight == 0)
        {
            await FinishWindDownAsync();
            return;
        }

        // Cancel now so the operator sees it; the loop stays up to settle once the last batch is back.
        await sendPath.CancelRemainingAsync(Id, CancellationToken.None);
        _loop.Start();
    }

    private async Task MoveToAsync(CampaignStatus status, string? reason)
    {
        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        await campaigns.SetStatusAsync(Id, status, reason, now, CancellationToken.None);
        Current.Status = status;
        Current.Reason = reason;
        Current.Phase = CampaignPhases.Of(status);
        Current.NextWindowOpensAt = null;
        Current.QueuePosition = null;
        Current.UpdatedAt = now;
        await state.WriteStateAsync();
        _loop?.ForgetProgress();
    }

    private async Task UnregisterWakeAsync()
    {
        if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private ICampaignTypeGate Gate() =>
        GrainFactory.GetGrain<ICampaignTypeGate>(ConcurrencyOptions.GateKey(Campaign.Type));
}

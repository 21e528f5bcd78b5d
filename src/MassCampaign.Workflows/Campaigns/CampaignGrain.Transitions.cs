using Microsoft.Extensions.Logging;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Workflows.Configuration;
using MassCampaign.Workflows.Gates;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// How the campaign moves between statuses. Every change is written to the campaigns row first and to grain state
/// second, so after a crash between the two the row is ahead and activation adopts it.
/// </summary>
public sealed partial class CampaignGrain
{
    // Requests already under way are answered in milliseconds; ones waiting for a rate token give up at their token.
    private static readonly TimeSpan DrainLongest = TimeSpan.FromSeconds(20);

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

    /// <summary>Closes the permit first, so no request starts from here on, and waits for those already under way.</summary>
    private async Task HaltAsync(Func<Task> change)
    {
        Permit.Close("the campaign was paused or stopped");
        await change();
        await Permit.DrainedAsync(DrainLongest);
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

        if (Current.Status is CampaignStatus.Running or CampaignStatus.Paused || (CampaignTransitions.IsTerminal(Current.Status) && !Current.WoundDown))
        {
            // Nothing of this campaign can be in flight before its activation: whatever says 'sending' was cut off.
            var interrupted = await sendPath.RecoverInterruptedAsync(Id, Settling.UnknownResolveAfter, cancellationToken);
            logger.LogInformation("Campaign {CampaignId}: recovered {Released} claimed but unsent recipients and {Unknown} sends cut off in flight",
                Id, interrupted.Released, interrupted.Unknown);
        }

        switch (Current.Status)
        {
            case CampaignStatus.Queued:
                await AcquireSlotAsync();
                break;
            case CampaignStatus.Running or CampaignStatus.Paused:
                await Gate().AcquireAsync(Id);
                if (Current.Status == CampaignStatus.Running)
                {
                    RunLoop();
                }

                break;
            case var ended when CampaignTransitions.IsTerminal(ended) && !Current.WoundDown:
                if (await ReleaseSlotAsync())
                {
                    await UnregisterWakeAsync();
                }

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
        RunLoop();
    }

    /// <summary>Completed, stopped or failed: nothing new starts, what is left is cancelled, the slot goes back.</summary>
    private async Task EndAsync(CampaignStatus status, string? reason)
    {
        Permit.Close($"the campaign is {CampaignStatusNames.ToWire(status)}");
        await MoveToAsync(status, reason);
        if (status == CampaignStatus.Failed)
        {
            logger.LogWarning("Campaign {CampaignId} failed: {Reason}", Id, reason);
        }

        if (await ReleaseSlotAsync())
        {
            await UnregisterWakeAsync();
        }

        if (Loop.InFlight == 0)
        {
            await FinishWindDownAsync();
            return;
        }

        // Cancel now so the operator sees it; the loop stays up to settle once the last batch is back.
        await sendPath.CancelRemainingAsync(Id, CancellationToken.None);
        RunLoop();
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
        Loop.ForgetProgress();
    }

    private ICampaignTypeGate Gate() =>
        GrainFactory.GetGrain<ICampaignTypeGate>(ConcurrencyOptions.GateKey(Campaign.Type));
}

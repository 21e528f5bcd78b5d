using Microsoft.Extensions.Logging;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// The reminder that brings the campaign back after a crash, at a window's opening, or to retry a slot release; and
/// the wind-down once it has ended.
/// </summary>
public sealed partial class CampaignGrain
{
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_campaign is null)
        {
            await UnregisterWakeAsync();
        }
        else if (CampaignTransitions.IsTerminal(Current.Status))
        {
            // Still here means a slot release failed at the end: try again until the gate has it back.
            if (await ReleaseSlotAsync() && Current.WoundDown)
            {
                await UnregisterWakeAsync();
            }
        }
        else if (Current.Status == CampaignStatus.Queued)
        {
            // Polling the gate covers a lost one-way grant.
            await AcquireSlotAsync();
        }
        else if (Current.Status == CampaignStatus.Running)
        {
            RunLoop();
        }
    }

    /// <summary>After an end, once no batch is out: cancel what a late batch handed back, then settle.</summary>
    private async Task FinishWindDownAsync()
    {
        await sendPath.CancelRemainingAsync(Id, CancellationToken.None);
        await campaigns.MarkWoundDownAsync(Id, clock.GetCurrentInstant().ToDateTimeOffset(), CancellationToken.None);
        Loop.ForgetProgress();
        Current.WoundDown = true;
        await state.WriteStateAsync();
        StopTicking();
    }

    /// <summary>False when the gate could not be reached: the wake reminder stays and tries again.</summary>
    private async Task<bool> ReleaseSlotAsync()
    {
        try
        {
            await Gate().ReleaseAsync(Id);
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Campaign {CampaignId}: releasing its slot failed; the wake reminder tries again", Id);
            return false;
        }
    }

    private async Task UnregisterWakeAsync()
    {
        if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}

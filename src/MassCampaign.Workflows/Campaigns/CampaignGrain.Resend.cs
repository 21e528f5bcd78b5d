using MassCampaign.Domain.Campaigns;
using Microsoft.Extensions.Logging;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>The operator's resend: a new attempt for recipients with the chosen outcomes (DESIGN.md §8).</summary>
public sealed partial class CampaignGrain
{
    public async Task<ResendAnswer> ResendAsync(IReadOnlyList<string> statuses)
    {
        ResendAnswer? answer = null;
        var result = await CommandAsync(CampaignCommand.Resend, async target =>
        {
            var reopened = await reopening.ResendAsync(Id, statuses, ResendableStatuses.MaxAttempts, CancellationToken.None);
            answer = new ResendAnswer(LifecycleResult.Accepted, reopened.Reopened, reopened.AtAttemptCap);
            logger.LogInformation("Campaign {CampaignId}: resend of {Statuses} reopened {Count} recipients ({Capped} at their attempt cap)",
                Id, statuses, reopened.Reopened, reopened.AtAttemptCap);
            if (reopened.Reopened == 0)
            {
                return;
            }

            if (target == CampaignStatus.Queued)
            {
                // A completed campaign goes back through its gate; blacklist and window apply at claim and send.
                Current.WoundDown = false;
                await MoveToAsync(CampaignStatus.Queued, null);
                await this.RegisterOrUpdateReminder(WakeReminder, WakePeriod, WakePeriod);
                await AcquireSlotAsync();
            }
            else if (Current.Status == CampaignStatus.Running)
            {
                Loop.ForgetProgress();
                RunLoop();
            }
        });

        return answer ?? new ResendAnswer(result, 0, 0);
    }
}

using MassCampaign.Data.Sending;
using MassCampaign.Domain.Scheduling;
using MassCampaign.Domain.Telemetry;
using NodaTime;

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// What is checked right before a request leaves (DESIGN.md §4 rule 2): the campaign still runs on this silo, the
/// recipient's window is open now, the number has not opted out since the claim. Null means go; else why not.
/// </summary>
internal sealed class SendChecks(SendPermit permit, CallingWindow window, RecentOptOuts optOuts, IClock clock)
{
    public async ValueTask<string?> WhyNotAsync(ClaimedRecipient recipient, CancellationToken ct)
    {
        if (!permit.IsOpen)
        {
            return "the campaign is no longer running";
        }

        if (!WindowEvaluator.IsOpen(window, recipient.ZoneKey, clock.GetCurrentInstant()))
        {
            CampaignMetrics.Add(CampaignMetrics.WindowDecisions, 1, "result", "deferred");
            return "the recipient's calling window closed";
        }

        CampaignMetrics.Add(CampaignMetrics.WindowDecisions, 1, "result", "inside");

        try
        {
            if (await optOuts.ContainsAsync(recipient.PhoneE164, ct))
            {
                return "the number opted out after it was claimed; the next claim skips it";
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"the blacklist could not be checked ({e.Message})";
        }

        return null;
    }
}

using MassCampaign.Domain.Scheduling;
using NodaTime;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// Decides a send-loop tick from what is due and what is in flight. Windows are read at the campaign clock's
/// <c>now</c>, never at the timer's wall time, so a test clock moves them.
/// </summary>
internal static class SendPlanner
{
    /// <param name="dueZoneKeys">Zone keys with recipients due now.</param>
    /// <param name="freeSlots">Batches the campaign may still start.</param>
    /// <param name="inFlight">Batches already out.</param>
    /// <param name="lastClaimWasFull">Whether the last batch found as many recipients as it asked for.</param>
    public static SendPlan Plan(
        CallingWindow window, IReadOnlyCollection<string> dueZoneKeys, Instant now, int freeSlots, int inFlight, bool lastClaimWasFull)
    {
        if (dueZoneKeys.Count == 0)
        {
            return new SendPlan.NothingDue();
        }

        var open = WindowEvaluator.OpenKeys(window, dueZoneKeys, now);
        if (open.Count == 0)
        {
            return WindowEvaluator.EarliestOpening(window, dueZoneKeys, now) is { } opensAt
                ? new SendPlan.WaitForWindow(opensAt)
                : new SendPlan.WindowNeverOpens();
        }

        // A full batch means more is waiting: fill every slot. Otherwise probe with one batch at a time.
        var batches = lastClaimWasFull ? freeSlots : inFlight == 0 ? Math.Min(1, freeSlots) : 0;
        return batches > 0
            ? new SendPlan.Dispatch([.. open.Order(StringComparer.Ordinal)], batches)
            : new SendPlan.Busy();
    }
}

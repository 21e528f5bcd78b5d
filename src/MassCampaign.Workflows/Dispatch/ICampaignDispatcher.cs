using MassCampaign.Data.Lifecycle;
using NodaTime;

namespace MassCampaign.Workflows.Dispatch;

/// <summary>
/// One channel's sending, driven by the channel-agnostic lifecycle (DESIGN.md §4 rule 7): the lifecycle decides when
/// and how much, the dispatcher claims, sends and records, and reports back. It never calls the lifecycle.
/// </summary>
public interface ICampaignDispatcher
{
    Task<BatchReport> SendBatchAsync(BatchOrder order);

    /// <summary>
    /// The channel's own settling when nothing is due: calls whose events never came, recipients a hybrid hands to
    /// its other channel. Returns how many recipients or calls it moved, so the lifecycle looks again.
    /// </summary>
    Task<int> SettleAsync(CampaignDefinition campaign, Instant now, CancellationToken ct);

    /// <summary>Outcomes still to come that may ask for more sending (calls in progress, receipts a follow-up hangs on).</summary>
    Task<AwaitedOutcomes> AwaitedAsync(CampaignDefinition campaign, Instant now, CancellationToken ct);
}

namespace MassCampaign.Workflows.Dispatch;

/// <summary>
/// One channel's sending, driven by the channel-agnostic lifecycle (DESIGN.md §4 rule 7): the lifecycle decides when
/// and how much, the dispatcher claims, sends and records, and reports back. It never calls the lifecycle.
/// </summary>
public interface ICampaignDispatcher
{
    Task<BatchReport> SendBatchAsync(BatchOrder order);
}

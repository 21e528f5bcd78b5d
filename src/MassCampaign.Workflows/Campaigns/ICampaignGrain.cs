using Orleans.Concurrency;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>
/// One campaign's lifecycle (keyed by the campaign id): the persisted state machine that queues it at its type's gate,
/// runs the send loop, and answers the operator's commands and status reads.
/// </summary>
public interface ICampaignGrain : IGrainWithGuidKey
{
    Task<LifecycleResult> StartAsync();

    Task<LifecycleResult> PauseAsync();

    Task<LifecycleResult> ResumeAsync();

    Task<LifecycleResult> StopAsync();

    /// <summary>A new attempt for recipients in these statuses; a completed campaign is queued again for them.</summary>
    Task<ResendAnswer> ResendAsync(IReadOnlyList<string> statuses);

    /// <summary>Null when no campaign has this id.</summary>
    Task<CampaignStatusView?> GetStatusAsync();

    /// <summary>The type gate says a slot is ours. One-way: the gate never waits on a campaign.</summary>
    [OneWay]
    Task SlotGrantedAsync();

    /// <summary>Activates the grain so it picks up where it left off; what start-up recovery calls.</summary>
    Task WakeAsync();
}

using Orleans.Concurrency;

namespace MassCampaign.Workflows.Gates;

/// <summary>
/// The per-type semaphore (key "sms" or "voice"): at most the configured number of campaigns of a type run at once;
/// the rest wait in arrival order and are told when a slot is theirs.
/// </summary>
public interface ICampaignTypeGate : IGrainWithStringKey
{
    /// <summary>Idempotent: a holder is granted again, a waiter learns its place; otherwise granted or queued last.</summary>
    Task<GateAdmission> AcquireAsync(Guid campaignId);

    /// <summary>Idempotent: frees a held slot (granting the next waiter) or leaves the queue; unknown ids change nothing.</summary>
    Task ReleaseAsync(Guid campaignId);

    [ReadOnly]
    Task<GateSnapshot> GetSnapshotAsync();
}

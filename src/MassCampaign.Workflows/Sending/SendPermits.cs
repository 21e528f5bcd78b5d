using System.Collections.Concurrent;

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// This silo's <see cref="SendPermit"/> per campaign. Batch senders are stateless workers, activated on the silo of the
/// campaign grain that calls them, so the grain and its senders share one permit.
/// </summary>
public sealed class SendPermits
{
    private readonly ConcurrentDictionary<Guid, SendPermit> _permits = new();

    /// <summary>A campaign no grain here has opened has a closed permit: its requests do not start.</summary>
    public SendPermit For(Guid campaignId) => _permits.GetOrAdd(campaignId, _ => new SendPermit());
}

namespace MassCampaign.Workflows.Sending;

/// <summary>
/// The SMS fan-out worker: claims one batch of a campaign's due recipients in open zones, sends each, and records the
/// outcomes before answering. Local to the calling silo, so a crashed silo takes its batches down with its campaigns.
/// </summary>
public interface ISmsBatchSender : IGrainWithIntegerKey
{
    // A batch stops starting sends after its budget, so this bound is a safety net, not a pace.
    [ResponseTimeout("00:02:00")]
    Task<SendBatchResult> SendAsync(SmsBatchRequest request);
}

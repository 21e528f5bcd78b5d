using MassCampaign.Workflows.Sending;

namespace MassCampaign.Workflows.Voice;

/// <summary>
/// The voice fan-out worker: claims one batch of a campaign's due recipients in open zones, creates a call for each
/// at the account's call rate, and records the dials before answering. Local to the calling silo.
/// </summary>
public interface IVoiceBatchSender : IGrainWithIntegerKey
{
    // At 3 calls a second a batch of the concurrency limit takes a while; its budget stops it well before this.
    [ResponseTimeout("00:03:00")]
    Task<SendBatchResult> SendAsync(VoiceBatchRequest request);
}

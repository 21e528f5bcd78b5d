using MassCampaign.Domain.Recipients;

namespace MassCampaign.Data.Sending;

/// <summary>
/// The SQL side of the send path (DESIGN.md §4): claim, record, recover, count.
/// Every method is one or a few set-based statements; nothing here runs per recipient.
/// </summary>
public interface ISendPathRepository
{
    /// <summary>Distinct zone keys that still have pending recipients due now; the engine asks NodaTime which are open.</summary>
    Task<IReadOnlyList<string>> PendingZoneKeysAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// One statement: lock up to <paramref name="limit"/> pending recipients due now whose zone key is open
    /// (FOR UPDATE SKIP LOCKED), move blacklisted ones to 'skipped_blacklisted' and the rest to 'sending'
    /// with attempt+1, and return the latter.
    /// </summary>
    Task<IReadOnlyList<ClaimedRecipient>> ClaimBatchAsync(
        Guid campaignId, IReadOnlyCollection<string> openZoneKeys, int limit, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// The same claim over a hybrid campaign's follow-ups only: recipients whose first channel's outcome handed them
    /// to the other channel (campaign_recipients.follow_up).
    /// </summary>
    Task<IReadOnlyList<ClaimedRecipient>> ClaimFollowUpsAsync(
        Guid campaignId, IReadOnlyCollection<string> openZoneKeys, int limit, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Before requests leave: recipients of the batch up to <paramref name="handedThrough"/> (1-based position) may
    /// reach the provider from now on. One short write covers every request waiting for it.
    /// </summary>
    /// <returns>False when the batch is gone: recovery took it over, and none of its requests may leave any more.</returns>
    Task<bool> MarkHandedAsync(Guid batchId, int handedThrough, CancellationToken ct);

    /// <summary>
    /// Writes a batch's outcomes with multi-row statements (recipients, sms_messages, sms_message_parts) and drops the
    /// batch's handover row, in one transaction.
    /// </summary>
    Task RecordOutcomesAsync(IReadOnlyList<SendOutcome> outcomes, BatchSettlement settlement, CancellationToken ct);

    /// <summary>
    /// When none of the campaign's batches is out (after a crash, or a batch whose answer was lost): recipients a
    /// batch never handed over go back to 'pending'; the rest left 'sending' become 'unknown' until
    /// <paramref name="unknownResolveAfter"/> has passed.
    /// </summary>
    Task<InterruptedSends> RecoverInterruptedAsync(Guid campaignId, TimeSpan unknownResolveAfter, CancellationToken ct);

    /// <summary>Unknown recipients past their deadline: resent (<paramref name="resend"/>) or left as unknown for good.</summary>
    Task<int> ResolveUnknownsAsync(Guid campaignId, bool resend, DateTimeOffset now, CancellationToken ct);

    /// <summary>The earliest deadline of an unknown recipient still waiting for its receipt, if any.</summary>
    Task<DateTimeOffset?> NextUnknownDeadlineAsync(Guid campaignId, CancellationToken ct);

    /// <summary>Stop: whatever is still pending or deferred becomes 'cancelled'.</summary>
    Task<int> CancelRemainingAsync(Guid campaignId, CancellationToken ct);

    /// <summary>
    /// Moves each zone's claim cursor back to just below its first recipient never tried and still pending (or onto
    /// its last recipient when there is none): for when a pending recipient may lie below a cursor. Reads each zone
    /// up to that recipient, once.
    /// </summary>
    Task RewindClaimCursorsAsync(Guid campaignId, CancellationToken ct);

    Task<RecipientTally> GetProgressAsync(Guid campaignId, CancellationToken ct);

    /// <summary>The earliest next_attempt_at of pending recipients in the future (retry backoff), if any.</summary>
    Task<DateTimeOffset?> NextRetryDueAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct);
}

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

    /// <summary>Writes a batch's outcomes with multi-row statements: recipients, sms_messages, sms_message_parts.</summary>
    Task RecordOutcomesAsync(IReadOnlyList<SendOutcome> outcomes, CancellationToken ct);

    /// <summary>After a crash: recipients left 'sending' become 'unknown' (never resent blindly). Returns how many.</summary>
    Task<int> MarkInterruptedAsUnknownAsync(Guid campaignId, CancellationToken ct);

    /// <summary>Stop: whatever is still pending or deferred becomes 'cancelled'.</summary>
    Task<int> CancelRemainingAsync(Guid campaignId, CancellationToken ct);

    /// <summary>
    /// Moves each zone's claim cursor back to just below its first recipient never tried and still pending (or onto
    /// its last recipient when there is none): for when a pending recipient may lie below a cursor. Reads each zone
    /// up to that recipient, once.
    /// </summary>
    Task RewindClaimCursorsAsync(Guid campaignId, CancellationToken ct);

    Task<CampaignProgress> GetProgressAsync(Guid campaignId, CancellationToken ct);

    /// <summary>The earliest next_attempt_at of pending recipients in the future (retry backoff), if any.</summary>
    Task<DateTimeOffset?> NextRetryDueAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct);
}

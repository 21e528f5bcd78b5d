namespace MassCampaign.Data.Sending;

/// <summary>
/// What may have reached the provider: the handover mark a sender advances before each request, the recovery that
/// tells known-unsent recipients from ambiguous ones by it, and the settling of the ambiguous ('unknown') ones.
/// </summary>
internal static class HandoverSql
{
    /// <summary>
    /// After a crash, or a batch whose answer was lost, when none of the campaign's batches is out: a batch's
    /// recipients past its handover mark were never handed to the provider and go back to pending under the attempt
    /// they had (its client-ref was never used); the others stay ambiguous (next statement). Batch rows go.
    /// </summary>
    public const string ReleaseUnsent = """
        WITH batch AS (
            DELETE FROM send_batches WHERE campaign_id = @campaign_id
            RETURNING recipient_ids, handed_through
        ),
        unsent AS (
            SELECT m.id
            FROM batch b
            CROSS JOIN LATERAL unnest(b.recipient_ids) WITH ORDINALITY AS m(id, position)
            WHERE m.position > b.handed_through
        )
        UPDATE campaign_recipients r
        SET status = 'pending',
            attempt = greatest(r.attempt - 1, 0),
            outcome = 'released: claimed but never sent when its sender stopped',
            next_attempt_at = @now,
            finished_at = NULL,
            updated_at = @now
        FROM unsent
        WHERE r.id = unsent.id AND r.status = 'sending'
        """;

    /// <summary>
    /// What is still 'sending' once the unsent are released may have reached the provider: never resent blindly. It
    /// waits until @resolve_by for a receipt with its client-ref ("{id}-{attempt}"); then the campaign's policy decides.
    /// </summary>
    public const string MarkInterruptedAsUnknown = """
        UPDATE campaign_recipients
        SET status = 'unknown',
            outcome = 'interrupted: the send was cut off before its result was recorded',
            resolve_by = @resolve_by,
            finished_at = @now,
            updated_at = @now
        WHERE campaign_id = @campaign_id AND status = 'sending'
        """;

    /// <summary>Before a request leaves: the recipients of the batch up to this position may be on their way.</summary>
    public const string MarkHanded = """
        UPDATE send_batches SET handed_through = greatest(handed_through, @handed_through) WHERE id = @batch_id
        """;

    /// <summary>
    /// Unknown recipients whose wait for a receipt is over: resent (back to pending, a new attempt and client-ref) or
    /// left as unknown for good, as the campaign's policy says. Rows a receipt settled meanwhile only drop the deadline.
    /// A call still in progress is not theirs to decide: the provider can be asked about it (CallSettler), and a blind
    /// resend would ring someone a second time. Served by campaign_recipients_resolve_idx and calls_recipient_idx.
    /// </summary>
    public const string ResolveUnknowns = """
        UPDATE campaign_recipients r
        SET status = CASE WHEN r.status = 'unknown' AND @resend THEN 'pending' ELSE r.status END,
            next_attempt_at = CASE WHEN r.status = 'unknown' AND @resend THEN @now ELSE r.next_attempt_at END,
            finished_at = CASE WHEN r.status = 'unknown' AND @resend THEN NULL ELSE r.finished_at END,
            outcome = CASE WHEN r.status <> 'unknown' THEN r.outcome
                           WHEN @resend THEN 'resent: no receipt settled the earlier attempt in time'
                           ELSE 'unknown: no receipt settled it in time; left, as the campaign''s policy says' END,
            resolve_by = NULL,
            updated_at = @now
        WHERE r.campaign_id = @campaign_id AND r.resolve_by IS NOT NULL AND r.resolve_by <= @now
          AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.recipient_id = r.id AND c.ended_at IS NULL)
        """;

    /// <summary>The earliest deadline of an unknown recipient still waiting for its receipt.</summary>
    public const string NextUnknownDeadline = """
        SELECT min(resolve_by) FROM campaign_recipients
        WHERE campaign_id = @campaign_id AND resolve_by IS NOT NULL AND status = 'unknown'
        """;
}

namespace MassCampaign.Data.Sending;

/// <summary>The claim, recovery and counting statements of the send path; each one runs once per batch or tick.</summary>
internal static class SendPathSql
{
    /// <summary>
    /// Locks the next pending recipients due now in open zones, in id order, skipping rows another claim holds.
    /// Blacklisted ones are closed as skipped in the same update and not returned; the rest move to 'sending'
    /// under a new attempt, so their client-ref is fresh.
    /// <para>
    /// The candidates come from campaign_recipients_claim_idx one open zone at a time: each zone's first @limit
    /// due rows by id, so the lowest ids overall are among them and the work is bounded by zones x limit whatever
    /// the data. A single ORDER BY id over all open zones lets the planner either sort every open pending row or
    /// walk the campaign in id order past every closed one, and on 1M rows it picks the wrong one once a zone's
    /// share of the pending rows differs from its share of the table, as it does late in every campaign.
    /// Claims of one campaign run one after another (<see cref="SerializeClaims"/>), so the rows the previous
    /// claim took are already gone from the candidates.
    /// </para>
    /// </summary>
    public const string Claim = """
        WITH candidate AS (
            SELECT zone_first.id
            FROM unnest(@open_zone_keys::text[]) AS open(zone_key)
            CROSS JOIN LATERAL (
                SELECT r.id
                FROM campaign_recipients r
                WHERE r.campaign_id = @campaign_id
                  AND r.status = 'pending'
                  AND r.zone_key = open.zone_key
                  AND (r.next_attempt_at IS NULL OR r.next_attempt_at <= @now)
                ORDER BY r.id
                LIMIT @limit) zone_first
            ORDER BY zone_first.id
            LIMIT @limit
        ),
        due AS (
            SELECT r.id, r.phone_e164
            FROM campaign_recipients r
            WHERE r.id IN (SELECT id FROM candidate) AND r.status = 'pending'
            ORDER BY r.id
            LIMIT @limit
            FOR UPDATE OF r SKIP LOCKED
        ),
        claimed AS (
            UPDATE campaign_recipients r
            SET status      = CASE WHEN b.phone_e164 IS NULL THEN 'sending' ELSE 'skipped_blacklisted' END,
                attempt     = r.attempt + CASE WHEN b.phone_e164 IS NULL THEN 1 ELSE 0 END,
                outcome     = CASE WHEN b.phone_e164 IS NULL THEN NULL ELSE 'blacklisted' END,
                error_code  = NULL,
                claimed_at  = @now,
                finished_at = CASE WHEN b.phone_e164 IS NULL THEN NULL ELSE @now END,
                updated_at  = @now
            FROM due
            LEFT JOIN blacklist b ON b.phone_e164 = due.phone_e164
            WHERE r.id = due.id
            RETURNING r.id, r.contact_id, r.phone_e164, r.attempt, r.zone_key, r.status
        )
        SELECT c.id, c.contact_id, c.phone_e164, c.attempt, c.zone_key,
               ct.first_name, ct.last_name, ct.time_zone, ct.attributes
        FROM claimed c
        JOIN contacts ct ON ct.id = c.contact_id
        WHERE c.status = 'sending'
        ORDER BY c.id
        """;

    /// <summary>
    /// Taken in the claim's transaction before the claim itself, whose snapshot therefore sees what the previous
    /// claim of the campaign committed. Claims are short next to a batch's sending, so the wait costs nothing.
    /// </summary>
    public const string SerializeClaims = "SELECT pg_advisory_xact_lock(hashtextextended('claim ' || @campaign_id::text, 0))";

    /// <summary>
    /// A loose index scan over campaign_recipients_claim_idx: one short probe per distinct zone key instead of
    /// reading every pending row (8 probes instead of 1M rows for a 1M-recipient campaign).
    /// </summary>
    public const string PendingZoneKeys = """
        WITH RECURSIVE zone AS (
            (SELECT r.zone_key
             FROM campaign_recipients r
             WHERE r.campaign_id = @campaign_id AND r.status = 'pending'
               AND (r.next_attempt_at IS NULL OR r.next_attempt_at <= @now)
             ORDER BY r.zone_key
             LIMIT 1)
            UNION ALL
            SELECT (SELECT r.zone_key
                    FROM campaign_recipients r
                    WHERE r.campaign_id = @campaign_id AND r.status = 'pending' AND r.zone_key > zone.zone_key
                      AND (r.next_attempt_at IS NULL OR r.next_attempt_at <= @now)
                    ORDER BY r.zone_key
                    LIMIT 1)
            FROM zone
            WHERE zone.zone_key IS NOT NULL
        )
        SELECT zone_key FROM zone WHERE zone_key IS NOT NULL
        """;

    /// <summary>An index-only scan of campaign_recipients_status_idx.</summary>
    public const string CountByStatus = """
        SELECT status, count(*) FROM campaign_recipients WHERE campaign_id = @campaign_id GROUP BY status
        """;

    /// <summary>Served by campaign_recipients_retry_idx, which holds only recipients waiting on a backoff.</summary>
    public const string NextRetryDue = """
        SELECT min(next_attempt_at)
        FROM campaign_recipients
        WHERE campaign_id = @campaign_id AND status = 'pending'
          AND next_attempt_at IS NOT NULL AND next_attempt_at > @now
        """;

    /// <summary>
    /// A recipient left 'sending' may or may not have reached the provider; it is never resent blindly. A
    /// receipt carrying its client-ref ("{id}-{attempt}") settles it later.
    /// </summary>
    public const string MarkInterruptedAsUnknown = """
        UPDATE campaign_recipients
        SET status = 'unknown',
            outcome = 'interrupted: the send was cut off before its result was recorded',
            finished_at = @now,
            updated_at = @now
        WHERE campaign_id = @campaign_id AND status = 'sending'
        """;

    public const string CancelRemaining = """
        UPDATE campaign_recipients
        SET status = 'cancelled',
            outcome = 'cancelled: the campaign was stopped',
            next_attempt_at = NULL,
            finished_at = @now,
            updated_at = @now
        WHERE campaign_id = @campaign_id AND status IN ('pending', 'deferred')
        """;
}

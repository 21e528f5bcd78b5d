namespace MassCampaign.Data.Sending;

/// <summary>The claim, recovery and counting statements of the send path; each one runs once per batch or tick.</summary>
internal static class SendPathSql
{
    /// <summary>
    /// Locks the next pending recipients due now in open zones, in id order, skipping rows another claim holds.
    /// Blacklisted ones are closed as skipped in the same update and returned with to_send false, only to be counted;
    /// the rest move to 'sending' under a new attempt, so their client-ref is fresh.
    /// <para>
    /// Candidates come from two places: each open zone's next recipients never tried, read from
    /// campaign_recipients_claim_idx after that zone's cursor (so a claim never walks past what earlier claims took),
    /// and the earliest retries now due, from campaign_recipients_retry_idx. Each zone gives at most twice its even
    /// share of @limit: every candidate costs a visit to its row, and with every zone giving @limit, a campaign
    /// spread over ten zones read ten rows for each one it took. The lowest @limit ids of all candidates are taken.
    /// Each zone's cursor then moves to the last of its candidates, or to just below the first one this claim could
    /// not lock, so nothing is passed over. Claims of one campaign run one after another
    /// (<see cref="SerializeClaims"/>), so each starts from the cursors the previous one committed.
    /// </para>
    /// <para>
    /// A hybrid campaign's follow-ups (@follow_up) are pending with a next attempt time, so they come only from the
    /// retry side, and only the follow-up channel's claims take them; recipients never tried belong to the first channel.
    /// </para>
    /// <para>No index names the status: the claim's update, like the outcome's and the receipt's, stays heap-only.</para>
    /// </summary>
    public const string Claim = $"""
        WITH zone_cursor AS (
            SELECT open.zone_key, COALESCE(c.claimed_through, 0) AS claimed_through
            FROM unnest(@open_zone_keys::text[]) AS open(zone_key)
            LEFT JOIN campaign_claim_cursors c ON c.campaign_id = @campaign_id AND c.zone_key = open.zone_key
        ),
        candidate AS (
            SELECT id, zone_key, fresh
            FROM (
                SELECT first_untried.id, z.zone_key, true AS fresh
                FROM zone_cursor z
                CROSS JOIN LATERAL (
                    SELECT r.id
                    FROM campaign_recipients r
                    WHERE NOT @follow_up AND r.campaign_id = @campaign_id AND {InZoneAfterCursor} AND {Untried}
                    ORDER BY r.zone_key, r.id
                    LIMIT least(@limit, (2 * @limit + cardinality(@open_zone_keys::text[]) - 1)
                                        / cardinality(@open_zone_keys::text[]))) first_untried
                UNION ALL
                SELECT retry.id, retry.zone_key, false
                FROM (SELECT r.id, r.zone_key
                      FROM campaign_recipients r
                      WHERE r.campaign_id = @campaign_id
                        AND r.next_attempt_at <= @now
                        AND r.status = 'pending'
                        AND r.zone_key = ANY(@open_zone_keys::text[])
                        AND r.follow_up = @follow_up
                      ORDER BY r.next_attempt_at
                      LIMIT @limit) retry
            ) both_kinds
            ORDER BY id
            LIMIT @limit
        ),
        due AS (
            SELECT r.id, r.phone_e164
            FROM campaign_recipients r
            WHERE r.id IN (SELECT id FROM candidate) AND r.status = 'pending'
            ORDER BY r.id
            FOR UPDATE OF r SKIP LOCKED
        ),
        advanced AS (
            INSERT INTO campaign_claim_cursors AS k (campaign_id, zone_key, claimed_through)
            SELECT @campaign_id, c.zone_key, COALESCE(min(c.id) FILTER (WHERE d.id IS NULL) - 1, max(c.id))
            FROM candidate c
            LEFT JOIN due d ON d.id = c.id
            WHERE c.fresh
            GROUP BY c.zone_key
            ON CONFLICT (campaign_id, zone_key) DO UPDATE
                SET claimed_through = GREATEST(k.claimed_through, EXCLUDED.claimed_through)
        ),
        claimed AS (
            UPDATE campaign_recipients r
            SET status          = CASE WHEN b.phone_e164 IS NULL THEN 'sending' ELSE 'skipped_blacklisted' END,
                attempt         = r.attempt + CASE WHEN b.phone_e164 IS NULL THEN 1 ELSE 0 END,
                outcome         = CASE WHEN b.phone_e164 IS NULL THEN NULL ELSE 'blacklisted' END,
                error_code      = NULL,
                next_attempt_at = NULL,
                claimed_at      = @now,
                finished_at     = CASE WHEN b.phone_e164 IS NULL THEN NULL ELSE @now END,
                updated_at      = @now
            FROM due
            LEFT JOIN blacklist b ON b.phone_e164 = due.phone_e164
            WHERE r.id = due.id
            RETURNING r.id, r.contact_id, r.phone_e164, r.attempt, r.zone_key, r.status
        ),
        batch AS (
            INSERT INTO send_batches (id, campaign_id, recipient_ids, claimed_at)
            SELECT @batch_id, @campaign_id, array_agg(c.id ORDER BY c.id), @now
            FROM claimed c
            WHERE c.status = 'sending'
            HAVING count(*) > 0
        )
        SELECT c.id, c.contact_id, c.phone_e164, c.attempt, c.zone_key,
               ct.first_name, ct.last_name, ct.time_zone, ct.attributes, c.status = 'sending' AS to_send
        FROM claimed c
        LEFT JOIN contacts ct ON ct.id = c.contact_id AND c.status = 'sending'
        ORDER BY c.id
        """;

    /// <summary>
    /// Taken in the claim's transaction before the claim itself, whose snapshot therefore sees what the previous
    /// claim of the campaign committed. Claims are short next to a batch's sending, so the wait costs nothing.
    /// </summary>
    public const string SerializeClaims = "SELECT pg_advisory_xact_lock(hashtextextended('claim ' || @campaign_id::text, 0))";

    /// <summary>
    /// The campaign's distinct zone keys as a loose index scan over campaign_recipients_claim_idx: one short probe per
    /// key instead of a read of every recipient. Each zone's own reads use bounds of the same index, as in the claim.
    /// </summary>
    /// <summary>
    /// Zone z's recipients after z.claimed_through, as bounds only campaign_recipients_claim_idx can start from; read in
    /// that index's order, which is id order within the one zone the bounds allow. With `zone_key = z AND id > cursor`
    /// the planner, its statistics blind to how a zone's ids spread, read the primary key from the cursor on through
    /// every later recipient of every campaign. A bound on the whole key, `(campaign_id, zone_key, id) > (…)`, was no
    /// better: PostgreSQL 15 started from the equality on campaign_id, at the zone's first entry.
    /// </summary>
    private const string InZoneAfterCursor = "(r.zone_key, r.id) > (z.zone_key, z.claimed_through) AND r.zone_key <= z.zone_key";

    /// <summary>Never tried and still waiting: what the cursors track (a recipient waiting for a retry has a next attempt time).</summary>
    private const string Untried = "r.status = 'pending' AND r.next_attempt_at IS NULL";

    private const string ZoneKeysCte = """
        zone AS (
            (SELECT r.zone_key
             FROM campaign_recipients r
             WHERE r.campaign_id = @campaign_id
             ORDER BY r.zone_key
             LIMIT 1)
            UNION ALL
            SELECT (SELECT r.zone_key
                    FROM campaign_recipients r
                    WHERE r.campaign_id = @campaign_id AND r.zone_key > zone.zone_key
                    ORDER BY r.zone_key
                    LIMIT 1)
            FROM zone
            WHERE zone.zone_key IS NOT NULL
        )
        """;

    /// <summary>
    /// Sets every zone's cursor of the campaign just below its first recipient never tried and still pending, or on
    /// its last recipient when it has none: for when recipients may lie below a cursor (an import into a campaign
    /// already sending), or a pending recipient was found that no cursor leads to. Reads each zone up to that row,
    /// once; every zone keeps a cursor, so later reads start where they should. Taken under the claim lock, so no
    /// claim in flight writes an older cursor back.
    /// </summary>
    public const string RewindClaimCursors = $"""
        WITH RECURSIVE {ZoneKeysCte}
        INSERT INTO campaign_claim_cursors AS k (campaign_id, zone_key, claimed_through)
        SELECT @campaign_id, z.zone_key,
               COALESCE((SELECT r.id - 1
                         FROM campaign_recipients r
                         WHERE r.campaign_id = @campaign_id AND {InZoneAfterCursor} AND {Untried}
                         ORDER BY r.zone_key, r.id
                         LIMIT 1),
                        (SELECT r.id
                         FROM campaign_recipients r
                         WHERE r.campaign_id = @campaign_id AND {InZoneAfterCursor}
                         ORDER BY r.zone_key DESC, r.id DESC
                         LIMIT 1))
        FROM (SELECT zone_key, 0::bigint AS claimed_through FROM zone WHERE zone_key IS NOT NULL) z
        ON CONFLICT (campaign_id, zone_key) DO UPDATE SET claimed_through = EXCLUDED.claimed_through
        """;

    /// <summary>
    /// The zones that have a recipient due: a loose index scan over campaign_recipients_claim_idx lists the
    /// campaign's zone keys (one short probe per key), and each is kept if a never-tried recipient lies past its
    /// cursor or a retry of it is due.
    /// </summary>
    public const string PendingZoneKeys = $"""
        WITH RECURSIVE {ZoneKeysCte}
        SELECT z.zone_key
        FROM (SELECT zone.zone_key, COALESCE(c.claimed_through, 0) AS claimed_through
              FROM zone
              LEFT JOIN campaign_claim_cursors c ON c.campaign_id = @campaign_id AND c.zone_key = zone.zone_key
              WHERE zone.zone_key IS NOT NULL) z
        WHERE EXISTS (SELECT 1 FROM campaign_recipients r
                      WHERE r.campaign_id = @campaign_id AND {InZoneAfterCursor} AND {Untried})
           OR EXISTS (SELECT 1 FROM campaign_recipients r
                      WHERE r.campaign_id = @campaign_id AND r.next_attempt_at <= @now
                        AND r.status = 'pending' AND r.zone_key = z.zone_key)
        ORDER BY z.zone_key
        """;

    /// <summary>
    /// The campaign's counters by status, kept by triggers in the transactions that change recipients (migration
    /// 0016): the compacted counts plus the deltas not folded in yet, a few rows however large the campaign.
    /// </summary>
    public const string CountByStatus = $"""
        SELECT status, sum(recipients)::bigint, sum(unresolved)::bigint
        FROM ({RecipientCountSql.CountsOf}) AS counts
        GROUP BY status HAVING sum(recipients) <> 0
        """;

    /// <summary>Served by campaign_recipients_retry_idx, which holds only recipients waiting on a backoff.</summary>
    public const string NextRetryDue = """
        SELECT min(next_attempt_at)
        FROM campaign_recipients
        WHERE campaign_id = @campaign_id AND status = 'pending'
          AND next_attempt_at IS NOT NULL AND next_attempt_at > @now
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

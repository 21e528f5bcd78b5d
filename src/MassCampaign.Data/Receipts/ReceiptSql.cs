namespace MassCampaign.Data.Receipts;

/// <summary>
/// The statements that store delivery receipts and fold them into parts, messages and recipients. The webhook appends
/// receipts to the inbox (<see cref="ReceiptInboxSql"/>); a batch is stored from there, or directly by
/// <see cref="InsertAndLock"/>; the sweep's own statements are in <see cref="ReceiptSweepSql"/>. <see cref="Fold"/> alone applies the receipts whose part is known;
/// <see cref="Apply"/> the others, and it also serves the later re-apply of receipts that arrived before their
/// message. The apply statements work on stored receipt ids (@receipts), each as its own statement because each
/// must see what the one before it changed.
/// </summary>
internal static class ReceiptSql
{
    /// <summary>Stores a batch given as arrays, as <see cref="StoreInput"/> says.</summary>
    public const string InsertAndLock = """
        WITH input AS (
            SELECT t.*, now() AS received_at
            FROM unnest(@ids::text[], @refs::text[], @statuses::text[], @errors::text[], @prices::numeric[],
                        @msisdns::text[], @payloads::jsonb[])
                 AS t(provider_message_id, client_ref, status, error_code, price, msisdn, payload)
        ),
        """ + StoreInput;

    /// <summary>
    /// Stores the input (a receipt already stored, or twice in the input, is stored once), marks matched the ones
    /// whose part is known, and locks those parts' long messages in id order: concurrent batches sharing a long
    /// message then queue instead of deadlocking, and the fold that follows reads their parts only once the other
    /// batch has committed. A one-part message needs no lock: its fold reads only the part it updates itself, and its
    /// final status, once set, is kept by the fold whatever a concurrent batch saw. Receipts go in in key order, so two
    /// batches holding the same receipts wait for each other's keys in one order and cannot deadlock over them.
    /// Answers one row: how many receipts came in, and the ids stored, matched and not.
    /// </summary>
    internal const string StoreInput = """
        locked AS (
            SELECT m.id
            FROM sms_messages m JOIN sms_message_parts p ON p.sms_message_id = m.id
            WHERE p.provider_message_id IN (SELECT provider_message_id FROM input) AND m.segments > 1
            ORDER BY m.id
            FOR UPDATE OF m
        ),
        stored AS (
            INSERT INTO delivery_receipts (provider_message_id, client_ref, status, error_code, price, msisdn, payload, received_at, matched)
            SELECT i.*, EXISTS (SELECT 1 FROM sms_message_parts p WHERE p.provider_message_id = i.provider_message_id)
            FROM input i
            ORDER BY i.provider_message_id, i.status
            ON CONFLICT (provider_message_id, status) DO NOTHING
            RETURNING id, matched
        )
        SELECT (SELECT count(*) FROM input)::integer AS taken,
               (SELECT count(*) FROM locked)::integer AS locked_messages,
               COALESCE(array_agg(id ORDER BY id) FILTER (WHERE matched), '{}') AS matched,
               COALESCE(array_agg(id ORDER BY id) FILTER (WHERE NOT matched), '{}') AS unmatched
        FROM stored
        """;

    /// <summary>Locks the messages of the receipts, by part or by client-ref, in id order (see <see cref="InsertAndLock"/>).</summary>
    public const string LockMessages = """
        SELECT m.id FROM sms_messages m
        WHERE m.id IN (SELECT p.sms_message_id
                       FROM delivery_receipts d JOIN sms_message_parts p ON p.provider_message_id = d.provider_message_id
                       WHERE d.id = ANY(@receipts)
                       UNION
                       SELECT m2.id
                       FROM delivery_receipts d JOIN sms_messages m2 ON m2.client_ref = d.client_ref
                       WHERE d.id = ANY(@receipts))
        ORDER BY m.id
        FOR UPDATE
        """;

    /// <summary>A message recorded without its part ids (an ambiguous send) learns them from receipts by client-ref.</summary>
    public const string InsertMissingParts = """
        INSERT INTO sms_message_parts (provider_message_id, sms_message_id, part_index, status)
        SELECT n.provider_message_id, n.sms_message_id,
               COALESCE((SELECT max(p.part_index) FROM sms_message_parts p WHERE p.sms_message_id = n.sms_message_id), 0)
                 + row_number() OVER (PARTITION BY n.sms_message_id ORDER BY n.provider_message_id),
               'accepted'
        FROM (SELECT DISTINCT d.provider_message_id, m.id AS sms_message_id
              FROM delivery_receipts d JOIN sms_messages m ON m.client_ref = d.client_ref
              WHERE d.id = ANY(@receipts)
                AND NOT EXISTS (SELECT 1 FROM sms_message_parts p WHERE p.provider_message_id = d.provider_message_id)) n
        ON CONFLICT (provider_message_id) DO NOTHING
        """;

    /// <summary>
    /// One statement from receipt to recipient. A part takes its receipt's status, but a final status is never
    /// overwritten (of several receipts for one part, a final one wins). A message failed (expired, rejected) as
    /// soon as one part did, with that part's err-code, and is delivered when every part is; each receipt is
    /// appended to its status history. The recipient follows its current attempt's message: a final status ends
    /// it, and any receipt proves an 'unknown' recipient (left by a crash or a timeout) was sent. The aggregate
    /// reads parts as this statement leaves them: the stored row, or the update made to it here.
    /// </summary>
    public const string Fold = """
        -- The receipts read once, each with its part's message. Parts are looked up per receipt (here) and by message id
        -- from an array (part_now): joined instead, a batch of thousands had the planner hash whole tables each time.
        WITH batch AS MATERIALIZED (
            SELECT d.id, d.provider_message_id, d.status, d.error_code, d.price, d.received_at,
                   (SELECT p.sms_message_id FROM sms_message_parts p WHERE p.provider_message_id = d.provider_message_id) AS sms_message_id
            FROM delivery_receipts d
            WHERE d.id = ANY(@receipts)
        ),
        receipt AS (
            SELECT DISTINCT ON (b.provider_message_id) b.provider_message_id, b.status, b.error_code, b.price
            FROM batch b
            WHERE b.sms_message_id IS NOT NULL
            ORDER BY b.provider_message_id, b.status IN ('delivered', 'failed', 'expired', 'rejected') DESC, b.id DESC
        ),
        changed_part AS (
            UPDATE sms_message_parts p
            SET status = r.status, error_code = r.error_code, price = COALESCE(r.price, p.price), updated_at = now()
            FROM receipt r
            WHERE p.provider_message_id = r.provider_message_id
              AND p.status NOT IN ('delivered', 'failed', 'expired', 'rejected')
            RETURNING p.provider_message_id, p.sms_message_id, p.part_index, p.status, p.error_code, p.price
        ),
        history AS (
            SELECT b.sms_message_id AS id,
                   jsonb_agg(jsonb_build_object('status', b.status, 'errCode', b.error_code,
                                                'messageId', b.provider_message_id, 'at', b.received_at) ORDER BY b.received_at, b.id) AS entries
            FROM batch b
            WHERE b.sms_message_id IS NOT NULL
            GROUP BY b.sms_message_id
        ),
        -- A union, not a left join of the stored parts to changed_part: the planner cannot size a CTE, and joined
        -- that way it compared every part with every change, quadratic in the batch.
        part_now AS (
            SELECT u.sms_message_id, u.part_index, u.status, u.error_code, u.price
            FROM changed_part u
            UNION ALL
            SELECT p.sms_message_id, p.part_index, p.status, p.error_code, p.price
            FROM sms_message_parts p
            WHERE p.sms_message_id = ANY (ARRAY(SELECT id FROM history))
              AND p.provider_message_id NOT IN (SELECT provider_message_id FROM changed_part)
        ),
        aggregate AS (
            SELECT sms_message_id AS id,
                   count(*) AS total,
                   count(*) FILTER (WHERE status = 'delivered') AS delivered,
                   (array_agg(status ORDER BY part_index) FILTER (WHERE status IN ('failed', 'expired', 'rejected')))[1] AS failure,
                   (array_agg(error_code ORDER BY part_index) FILTER (WHERE status IN ('failed', 'expired', 'rejected')))[1] AS failure_code,
                   sum(price) AS price
            FROM part_now
            GROUP BY sms_message_id
        ),
        message AS (
            UPDATE sms_messages m
            SET status = CASE WHEN a.failure IS NOT NULL THEN a.failure
                              WHEN a.delivered = a.total THEN 'delivered'
                              WHEN m.status IN ('submitted', 'unknown') THEN 'accepted'
                              ELSE m.status END,
                error_code = CASE WHEN a.failure IS NOT NULL THEN a.failure_code ELSE m.error_code END,
                price = COALESCE(a.price, m.price),
                status_history = m.status_history || h.entries,
                updated_at = now()
            FROM aggregate a JOIN history h ON h.id = a.id
            WHERE m.id = a.id
            RETURNING m.recipient_id, m.client_ref, m.status, m.error_code, m.price
        ),
        applied AS (
        UPDATE campaign_recipients c
        SET status = CASE WHEN m.status IN ('delivered', 'failed', 'expired', 'rejected') THEN m.status ELSE 'sent' END,
            error_code = CASE WHEN m.status IN ('failed', 'expired', 'rejected') THEN m.error_code ELSE c.error_code END,
            price = COALESCE(m.price, c.price),
            finished_at = CASE WHEN m.status IN ('delivered', 'failed', 'expired', 'rejected') THEN now() ELSE c.finished_at END,
            updated_at = now()
        FROM message m
        WHERE c.id = m.recipient_id
          AND m.client_ref = c.id::text || '-' || c.attempt::text
          AND ((m.status IN ('delivered', 'failed', 'expired', 'rejected')
                AND c.status IN ('sent', 'unknown', 'delivered') AND c.status <> m.status)
               OR (m.status NOT IN ('delivered', 'failed', 'expired', 'rejected') AND c.status = 'unknown'))
        RETURNING c.campaign_id, c.status
        )
        """ + AppliedCounts;

    /// <summary>
    /// A receipt whose message was never recorded (the engine crashed between send and write) still reconciles
    /// the recipient its client-ref names, "{recipientId}-{attempt}", if that recipient is waiting on it.
    /// </summary>
    public const string UpdateRecipientsByClientRef = """
        WITH applied AS (
        UPDATE campaign_recipients c
        SET status = CASE WHEN r.status IN ('delivered', 'failed', 'expired', 'rejected') THEN r.status ELSE 'sent' END,
            error_code = CASE WHEN r.status IN ('failed', 'expired', 'rejected') THEN r.error_code ELSE c.error_code END,
            price = COALESCE(r.price, c.price),
            provider_message_id = COALESCE(c.provider_message_id, r.provider_message_id),
            finished_at = CASE WHEN r.status IN ('delivered', 'failed', 'expired', 'rejected') THEN now() ELSE c.finished_at END,
            updated_at = now()
        FROM (SELECT DISTINCT ON (x.recipient_id) x.*
              FROM (SELECT d.id, d.status, d.error_code, d.price, d.provider_message_id,
                           CASE WHEN d.client_ref ~ '^[0-9]{1,18}-[0-9]{1,9}$' THEN split_part(d.client_ref, '-', 1)::bigint END AS recipient_id,
                           CASE WHEN d.client_ref ~ '^[0-9]{1,18}-[0-9]{1,9}$' THEN split_part(d.client_ref, '-', 2)::integer END AS attempt
                    FROM delivery_receipts d
                    WHERE d.id = ANY(@receipts)
                      AND NOT EXISTS (SELECT 1 FROM sms_messages m WHERE m.client_ref = d.client_ref)) x
              WHERE x.recipient_id IS NOT NULL
              ORDER BY x.recipient_id, x.status IN ('failed', 'expired', 'rejected') DESC,
                       x.status = 'delivered' DESC, x.id DESC) r
        WHERE c.id = r.recipient_id AND c.attempt = r.attempt
          AND (c.status = 'unknown'
               OR (c.status = 'sent' AND r.status IN ('delivered', 'failed', 'expired', 'rejected'))
               OR (c.status = 'delivered' AND r.status IN ('failed', 'expired', 'rejected')))
        RETURNING c.campaign_id, c.status
        )
        """ + AppliedCounts;

    /// <summary>
    /// Matched: its part shows it (the part took its status, or has a final one), or no message was recorded and the
    /// recipient it names is past sending. The rest wait for a re-apply. This statement sees rows committed after the
    /// fold looked: a message the send path committed meanwhile, never folded here, must not count as applied.
    /// </summary>
    public const string MarkMatched = """
        UPDATE delivery_receipts d
        SET matched = true
        WHERE d.id = ANY(@receipts) AND NOT d.matched
          AND (EXISTS (SELECT 1 FROM sms_message_parts p
                       WHERE p.provider_message_id = d.provider_message_id
                         AND (p.status = d.status OR p.status IN ('delivered', 'failed', 'expired', 'rejected')))
               OR (NOT EXISTS (SELECT 1 FROM sms_messages m WHERE m.client_ref = d.client_ref)
                   AND EXISTS (SELECT 1 FROM campaign_recipients c
                          WHERE d.client_ref ~ '^[0-9]{1,18}-[0-9]{1,9}$'
                            AND c.id = (CASE WHEN d.client_ref ~ '^[0-9]{1,18}-[0-9]{1,9}$' THEN split_part(d.client_ref, '-', 1)::bigint END)
                            AND c.attempt = (CASE WHEN d.client_ref ~ '^[0-9]{1,18}-[0-9]{1,9}$' THEN split_part(d.client_ref, '-', 2)::integer END)
                            AND c.status NOT IN ('pending', 'sending'))))
        """;

    /// <summary>
    /// What the recipient updates above changed, per campaign and new status (see <see cref="AppliedReceipts"/>): a few
    /// rows for the metrics and spans of receipt application, whatever the batch size.
    /// </summary>
    private const string AppliedCounts = """

        SELECT campaign_id AS applied_campaign_id, status AS applied_status, count(*)::integer AS applied_recipients
        FROM applied
        GROUP BY campaign_id, status
        """;

    /// <summary>Everything, for receipts stored or inserted unmatched; the commands run in order, in one transaction.</summary>
    public static readonly string[] Apply = [LockMessages, InsertMissingParts, Fold, UpdateRecipientsByClientRef, MarkMatched];
}

namespace MassCampaign.Data.Sending;

/// <summary>
/// The set-based writes of a batch's outcomes, each over unnested column arrays. All are safe to replay: a late
/// or repeated write touches only the recipient's current attempt, and message rows are unique by client-ref.
/// </summary>
internal static class OutcomeSql
{
    /// <summary>
    /// Set first in the write's transaction. Every statement of the write reaches its rows through an index, one per
    /// outcome, but the planner, whose statistics lag behind a running campaign, judged a pass over the whole
    /// recipients (or messages) table cheaper below a few hundred thousand rows: a sequential scan, or a merge or hash
    /// join over a full index scan, once per batch. With those off, each outcome looks up its own rows.
    /// </summary>
    public static readonly string[] UseIndexes =
    [
        "SET LOCAL enable_seqscan = off",
        "SET LOCAL enable_mergejoin = off",
        "SET LOCAL enable_hashjoin = off",
    ];

    /// <summary>
    /// Only a recipient still waiting on this very attempt changes: 'sending', or 'unknown' when recovery got
    /// there first and the real answer came later. The attempt is read from the client-ref the claim handed out
    /// (<see cref="ClaimedRecipient.ClientRef"/>), so an outcome of an older attempt never reopens a newer one; a release
    /// counts only while its batch is still out, as its attempt number is reused.
    /// </summary>
    public const string UpdateRecipients = """
        UPDATE campaign_recipients r
        SET status              = o.status,
            attempt             = r.attempt - CASE WHEN o.released THEN 1 ELSE 0 END,
            resolve_by          = CASE WHEN o.status = 'unknown' THEN @resolve_by END,
            outcome             = o.outcome,
            error_code          = o.error_code,
            -- A recipient back in 'pending' always has a next attempt time: the claim finds retries by it.
            next_attempt_at     = CASE WHEN o.status = 'pending' THEN COALESCE(o.next_attempt_at, @now) END,
            provider_message_id = COALESCE(o.provider_message_id, r.provider_message_id),
            segments            = COALESCE(o.segments, r.segments),
            price               = COALESCE(o.price, r.price),
            sent_at             = CASE WHEN o.status = 'sent' THEN @now ELSE r.sent_at END,
            finished_at         = CASE WHEN o.status = 'pending' THEN NULL ELSE @now END,
            updated_at          = @now
        FROM unnest(@recipient_ids::bigint[], @client_refs::text[], @statuses::text[], @outcomes::text[],
                    @error_codes::text[], @next_attempt_ats::timestamptz[], @provider_message_ids::text[],
                    @segments::integer[], @prices::numeric[], @released::boolean[])
             AS o(recipient_id, client_ref, status, outcome, error_code, next_attempt_at, provider_message_id, segments, price,
                  released)
        WHERE r.id = o.recipient_id
          -- Still waiting on this very attempt. Written as one condition over both sides so that it can only be
          -- checked on a recipient found by primary key from its outcome: a status test on the recipient alone is
          -- estimated from statistics that lag a running campaign (no row 'sending'), and the planner then read the
          -- whole table once, or the status index's stale entries for every row claimed since the last vacuum.
          AND o.client_ref = CASE WHEN r.status IN ('sending', 'unknown') THEN r.id::text || '-' || r.attempt::text END
          -- A release gives its attempt number back, and the next claim uses it again. Once recovery has dropped the
          -- batch (and released it itself), a late release would reopen that next claim, which then goes out twice.
          AND (NOT o.released OR @batch_id::uuid IS NULL OR EXISTS (SELECT 1 FROM send_batches b WHERE b.id = @batch_id::uuid))
        """;

    /// <summary>The batch's outcomes are recorded: nothing of it is waiting to be sent any more.</summary>
    public const string DeleteBatch = "DELETE FROM send_batches WHERE id = @batch_id";

    /// <summary>One row per submission that may have reached the provider: accepted, or ambiguous as 'unknown'.</summary>
    public const string InsertMessages = """
        INSERT INTO sms_messages (campaign_id, recipient_id, client_ref, to_phone, sender, body, encoding, segments,
                                  status, error_code, error_text, price, status_history, submitted_at, updated_at)
        SELECT m.campaign_id, m.recipient_id, m.client_ref, m.to_phone, m.sender, m.body, m.encoding, m.segments,
               m.status, m.error_code, m.error_text, m.price,
               jsonb_build_array(jsonb_build_object('status', m.status, 'errCode', m.error_code, 'at', @now)),
               @now, @now
        FROM unnest(@campaign_ids::uuid[], @recipient_ids::bigint[], @client_refs::text[], @to_phones::text[],
                    @senders::text[], @bodies::text[], @encodings::text[], @segments::integer[], @statuses::text[],
                    @error_codes::text[], @error_texts::text[], @prices::numeric[])
             AS m(campaign_id, recipient_id, client_ref, to_phone, sender, body, encoding, segments, status,
                  error_code, error_text, price)
        ON CONFLICT (client_ref) DO NOTHING
        """;

    public const string InsertParts = """
        INSERT INTO sms_message_parts (provider_message_id, sms_message_id, part_index, status, price, updated_at)
        SELECT p.provider_message_id, m.id, p.part_index, 'accepted', p.price, @now
        FROM unnest(@client_refs::text[], @provider_message_ids::text[], @part_indexes::integer[], @prices::numeric[])
             AS p(client_ref, provider_message_id, part_index, price)
        JOIN sms_messages m ON m.client_ref = p.client_ref
        ON CONFLICT (provider_message_id) DO NOTHING
        """;

    /// <summary>
    /// Receipts that beat this write: stored unmatched, for one of these parts or client-refs. Locked, so a
    /// receipt writer folding the same ones finishes first and they are then seen as matched. A receipt still
    /// uncommitted here is invisible to both sides and is left to the receipt store's sweep.
    /// </summary>
    public const string SelectEarlyReceipts = """
        SELECT d.id
        FROM delivery_receipts d
        WHERE NOT d.matched
          AND (d.provider_message_id = ANY(@provider_message_ids::text[]) OR d.client_ref = ANY(@client_refs::text[]))
        ORDER BY d.id
        FOR UPDATE
        """;
}

namespace MassCampaign.Data.Sending;

/// <summary>
/// The set-based writes of a batch's outcomes, each over unnested column arrays. All are safe to replay: a late
/// or repeated write touches only the recipient's current attempt, and message rows are unique by client-ref.
/// </summary>
internal static class OutcomeSql
{
    /// <summary>
    /// Set first in the write's transaction. Every statement of the write reaches its rows through an index, one per
    /// outcome, but the planner, whose statistics lag behind a running campaign, judged a scan of the whole
    /// recipients (or messages) table cheaper below a few hundred thousand rows, and read it once per batch.
    /// </summary>
    public const string UseIndexes = "SET LOCAL enable_seqscan = off";

    /// <summary>
    /// Only a recipient still waiting on this very attempt changes: 'sending', or 'unknown' when recovery got
    /// there first and the real answer came later. The attempt is read from the client-ref the claim handed out
    /// (<see cref="ClaimedRecipient.ClientRef"/>), so an outcome of an older attempt never reopens a newer one.
    /// </summary>
    public const string UpdateRecipients = """
        UPDATE campaign_recipients r
        SET status              = o.status,
            outcome             = o.outcome,
            error_code          = o.error_code,
            next_attempt_at     = o.next_attempt_at,
            provider_message_id = COALESCE(o.provider_message_id, r.provider_message_id),
            segments            = COALESCE(o.segments, r.segments),
            price               = COALESCE(o.price, r.price),
            sent_at             = CASE WHEN o.status = 'sent' THEN @now ELSE r.sent_at END,
            finished_at         = CASE WHEN o.status = 'pending' THEN NULL ELSE @now END,
            updated_at          = @now
        FROM unnest(@recipient_ids::bigint[], @client_refs::text[], @statuses::text[], @outcomes::text[],
                    @error_codes::text[], @next_attempt_ats::timestamptz[], @provider_message_ids::text[],
                    @segments::integer[], @prices::numeric[])
             AS o(recipient_id, client_ref, status, outcome, error_code, next_attempt_at, provider_message_id, segments, price)
        WHERE r.id = o.recipient_id
          -- IS TRUE keeps this a filter on rows found by primary key, one per outcome. As a bare IN it can be read
          -- from campaign_recipients_status_idx, which the planner preferred whenever its statistics undercounted
          -- 'sending'; that bitmap scan also visits the stale 'sending' entries of every row claimed since the last
          -- vacuum, so a batch cost more the further a 1M-recipient campaign got (170 µs per recipient on average).
          -- A second key condition (r.id = ANY of the ids) misled it too: estimating one row, it rescanned all the
          -- outcomes for each recipient.
          AND (r.status IN ('sending', 'unknown')) IS TRUE
          AND r.id::text || '-' || r.attempt::text = o.client_ref
        """;

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

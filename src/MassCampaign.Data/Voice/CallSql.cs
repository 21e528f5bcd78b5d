namespace MassCampaign.Data.Voice;

/// <summary>The set-based statements of the voice channel: calls as dialled, their events, and what the events decide.</summary>
internal static class CallSql
{
    /// <summary>Calls that were created, or may have been (call_uuid NULL then, until an event names it).</summary>
    public const string InsertCalls = """
        INSERT INTO calls (campaign_id, recipient_id, client_ref, call_uuid, conversation_uuid, to_phone, status,
                           error_code, status_history, resolve_by, created_at, updated_at)
        SELECT c.campaign_id, c.recipient_id, c.client_ref, c.call_uuid, c.conversation_uuid, c.to_phone, c.status,
               c.error_code, jsonb_build_array(jsonb_build_object('status', c.status, 'at', @now)), c.resolve_by, @now, @now
        FROM unnest(@campaign_ids::uuid[], @recipient_ids::bigint[], @client_refs::text[], @call_uuids::text[],
                    @conversation_uuids::text[], @to_phones::text[], @statuses::text[], @error_codes::text[],
                    @resolve_bys::timestamptz[])
             AS c(campaign_id, recipient_id, client_ref, call_uuid, conversation_uuid, to_phone, status, error_code, resolve_by)
        ON CONFLICT (client_ref) DO NOTHING
        """;

    /// <summary>
    /// Calls of the campaign not ended, plus recipients whose dial is unknown (their call may be ringing): what counts
    /// against maxConcurrentCalls. An ambiguous dial has both, and counts twice: the limit errs on the safe side.
    /// </summary>
    public const string InProgress = """
        SELECT (SELECT count(*) FROM calls WHERE campaign_id = @campaign_id AND ended_at IS NULL)
             + (SELECT count(*) FROM campaign_recipients
                WHERE campaign_id = @campaign_id AND status = 'unknown' AND resolve_by IS NOT NULL),
               (SELECT min(resolve_by) FROM calls WHERE campaign_id = @campaign_id AND ended_at IS NULL)
        """;

    /// <summary>Calls not ended in every campaign, for the calls-in-progress gauge; read from calls_in_progress_idx.</summary>
    public const string InProgressEverywhere = "SELECT count(*) FROM calls WHERE ended_at IS NULL";

    public const string InsertEvents = """
        INSERT INTO call_events (client_ref, call_uuid, status, detail, digits, payload, received_at)
        SELECT e.client_ref, e.call_uuid, e.status, e.detail, e.digits, e.payload::jsonb, @now
        FROM unnest(@client_refs::text[], @call_uuids::text[], @statuses::text[], @details::text[], @digits::text[],
                    @payloads::text[]) AS e(client_ref, call_uuid, status, detail, digits, payload)
        ON CONFLICT (call_uuid, status) DO NOTHING
        """;

    /// <summary>Every event of the given attempts, oldest first.</summary>
    public const string SelectEvents = """
        SELECT client_ref, call_uuid, status, detail, digits, payload->>'duration', payload->>'price', payload->>'conversation_uuid'
        FROM call_events WHERE client_ref = ANY(@client_refs::text[]) ORDER BY id
        """;

    /// <summary>What a verdict on each attempt depends on: its recipient now, its campaign, its call row, recent calls.</summary>
    public const string SelectAttempts = """
        SELECT x.client_ref, r.id, r.attempt, r.status, r.phone_e164, r.follow_up, cp.id, cp.type, cp.status,
               cp.settings::text,
               (SELECT count(*) FROM calls k WHERE k.recipient_id = r.id AND k.created_at > @now - interval '24 hours'),
               ca.id IS NOT NULL, ca.ended_at IS NOT NULL,
               (SELECT count(*) FROM calls k WHERE k.recipient_id = r.id)
        FROM unnest(@recipient_ids::bigint[], @client_refs::text[]) AS x(recipient_id, client_ref)
        JOIN campaign_recipients r ON r.id = x.recipient_id
        JOIN campaigns cp ON cp.id = r.campaign_id
        LEFT JOIN calls ca ON ca.client_ref = x.client_ref
        """;

    /// <summary>A call's latest state from its events; ended once its outcome is known. Ended calls stay as they are.</summary>
    public const string UpdateCalls = """
        UPDATE calls c
        SET call_uuid         = COALESCE(c.call_uuid, v.call_uuid),
            conversation_uuid = COALESCE(c.conversation_uuid, v.conversation_uuid),
            status            = v.status,
            outcome           = v.outcome,
            digits            = COALESCE(v.digits, c.digits),
            duration_s        = COALESCE(v.duration, c.duration_s),
            price             = COALESCE(v.price, c.price),
            answered_at       = CASE WHEN v.answered THEN COALESCE(c.answered_at, @now) ELSE c.answered_at END,
            ended_at          = CASE WHEN v.outcome IS NOT NULL THEN @now END,
            status_history    = c.status_history || jsonb_build_array(jsonb_build_object('status', v.status, 'at', @now)),
            updated_at        = @now
        FROM unnest(@client_refs::text[], @call_uuids::text[], @conversation_uuids::text[], @statuses::text[],
                    @outcomes::text[], @digits::text[], @durations::integer[], @prices::numeric[], @answered::boolean[])
             AS v(client_ref, call_uuid, conversation_uuid, status, outcome, digits, duration, price, answered)
        WHERE c.client_ref = v.client_ref AND c.ended_at IS NULL
        """;

    /// <summary>
    /// The recipient moves only while it still waits on this very attempt: being dialled, in a call, or unknown.
    /// A call in progress makes an unknown dial 'sent'; an outcome makes it final, pending again (a retry), or a
    /// hybrid follow-up.
    /// </summary>
    public const string UpdateRecipients = """
        UPDATE campaign_recipients r
        SET status          = v.status,
            outcome         = COALESCE(v.outcome, r.outcome),
            error_code      = v.error_code,
            follow_up       = r.follow_up OR v.follow_up,
            next_attempt_at = CASE WHEN v.status = 'pending' THEN COALESCE(v.next_attempt_at, @now) END,
            provider_message_id = COALESCE(v.call_uuid, r.provider_message_id),
            price           = COALESCE(v.price, r.price),
            resolve_by      = NULL,
            sent_at         = COALESCE(r.sent_at, @now),
            finished_at     = CASE WHEN v.status IN ('pending', 'sent') THEN NULL ELSE @now END,
            updated_at      = @now
        FROM unnest(@recipient_ids::bigint[], @client_refs::text[], @statuses::text[], @outcomes::text[],
                    @error_codes::text[], @follow_ups::boolean[], @next_attempt_ats::timestamptz[], @call_uuids::text[],
                    @prices::numeric[])
             AS v(recipient_id, client_ref, status, outcome, error_code, follow_up, next_attempt_at, call_uuid, price)
        WHERE r.id = v.recipient_id
          AND v.client_ref = CASE WHEN r.status IN ('sending', 'sent', 'unknown') THEN r.id::text || '-' || r.attempt::text END
        """;

    /// <summary>Calls still in progress past their deadline: their events may have been lost, so the provider is asked.</summary>
    public const string SelectOverdue = """
        SELECT client_ref, call_uuid, to_phone, created_at FROM calls
        WHERE campaign_id = @campaign_id AND ended_at IS NULL AND resolve_by <= @now
        ORDER BY resolve_by LIMIT @limit
        """;

    /// <summary>Ambiguous dials the provider has no call for: over, with no outcome; the recipient's unknown policy decides.</summary>
    public const string EndUnmade = """
        UPDATE calls SET status = 'not_created', ended_at = @now, updated_at = @now
        WHERE client_ref = ANY(@client_refs::text[]) AND call_uuid IS NULL AND ended_at IS NULL
        """;

    public const string SelectKnownUuids = "SELECT call_uuid FROM calls WHERE call_uuid = ANY(@call_uuids::text[])";

    public const string PostponeOverdue = "UPDATE calls SET resolve_by = @resolve_by WHERE client_ref = ANY(@client_refs::text[]) AND ended_at IS NULL";

    /// <summary>Everything the answer webhook needs to speak to this recipient, in one read.</summary>
    public const string SelectAnswer = """
        SELECT r.id, r.attempt, r.phone_e164, cp.id, cp.status, cp.voice_script, cp.settings::text,
               ct.first_name, ct.last_name, ct.time_zone, ct.attributes::text, b.phone_e164 IS NOT NULL
        FROM campaign_recipients r
        JOIN campaigns cp ON cp.id = r.campaign_id
        JOIN contacts ct ON ct.id = r.contact_id
        LEFT JOIN blacklist b ON b.phone_e164 = r.phone_e164
        WHERE r.id = @recipient_id
        """;

    /// <summary>The opt-out digit does what an SMS STOP does: blacklisted everywhere, with its consent event, once per call.</summary>
    public const string OptOut = """
        WITH added AS (
            INSERT INTO blacklist (phone_e164, reason, source, created_at)
            VALUES (@phone, 'pressed the opt-out digit during a campaign call', 'dtmf_opt_out', @now)
            ON CONFLICT (phone_e164) DO NOTHING
            RETURNING 1
        )
        INSERT INTO consent_events (phone_e164, event_type, source, channel, raw_text, campaign_id, provider_message_id, occurred_at)
        VALUES (@phone, 'opt_out', 'dtmf_opt_out', 'voice', @digits, @campaign_id, @event_key, @now)
        ON CONFLICT (provider_message_id) WHERE provider_message_id IS NOT NULL DO NOTHING
        """;

    /// <summary>
    /// smsFirst hybrids: an SMS that ended failed (undeliverable, landline, expired, rejected) is followed by a call.
    /// Reads the campaign's recipients once, like a progress count.
    /// </summary>
    public const string FollowUpFailedSms = """
        UPDATE campaign_recipients
        SET status = 'pending', follow_up = true, next_attempt_at = @now, finished_at = NULL, resolve_by = NULL,
            outcome = 'follow-up call: the SMS ended ' || status || COALESCE(' (' || error_code || ')', ''),
            updated_at = @now
        WHERE campaign_id = @campaign_id AND NOT follow_up AND status IN ('failed', 'expired', 'rejected')
        """;

    /// <summary>smsFirst hybrids: SMS still without a final receipt, which may yet ask for a call, and the oldest's send time.</summary>
    public const string AwaitedSmsReceipts = """
        SELECT count(*), min(sent_at) FROM campaign_recipients
        WHERE campaign_id = @campaign_id AND NOT follow_up AND status = 'sent' AND sent_at > @since
        """;
}

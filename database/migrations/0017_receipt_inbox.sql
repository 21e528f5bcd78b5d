-- Delivery receipts acknowledged but not yet applied (issue 12). The webhook's group commit only appends here (COPY)
-- before it answers 200; an applier takes rows in large batches, stores them in delivery_receipts, folds them into
-- parts, messages and recipients and deletes them, all in one transaction. The columns and their types are those of
-- delivery_receipts, so whatever the webhook acknowledged, the applier can store.
--
-- No index: rows are appended, taken whole by a short scan (FOR UPDATE SKIP LOCKED) and deleted; a few seconds of
-- receipts at most are ever in it, so frequent vacuums keep that scan over live rows.
CREATE TABLE receipt_inbox (
    provider_message_id text           NOT NULL,
    client_ref          text,
    status              text           NOT NULL,
    error_code          text,
    price               numeric(12, 6),
    msisdn              text,
    payload             jsonb          NOT NULL,
    received_at         timestamptz    NOT NULL DEFAULT now()
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 20000,
        autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 20000);

-- A receipt the fold cannot apply (its price overflows its message's total, say) must not hold up every receipt
-- queued behind it: the applier stores it without applying it, marked so that no sweep or send takes it up again.
ALTER TABLE delivery_receipts DROP CONSTRAINT delivery_receipts_retired_reason_check;
ALTER TABLE delivery_receipts ADD CONSTRAINT delivery_receipts_retired_reason_check
    CHECK (retired_reason IN ('unmatched_past_cutoff', 'unmatched_after_max_attempts', 'apply_failed'));

-- The re-apply sweep read the same oldest unmatched receipts on every pass: receipts for messages this system
-- never sent (another application on the Vonage account, a message lost before it was recorded) never match, and
-- once a sweep's worth had piled up, newer receipts were never reached. The sweep now counts its tries and retires
-- a receipt it has given up on; the row stays, with when and why.
ALTER TABLE delivery_receipts
    ADD COLUMN reapply_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN retired_at       timestamptz,
    ADD COLUMN retired_reason   text CHECK (retired_reason IN ('unmatched_past_cutoff', 'unmatched_after_max_attempts'));

-- The sweep reads receipts past the cut-off oldest first, and the rest least-tried first, so every one is reached.
DROP INDEX delivery_receipts_unmatched_idx;
CREATE INDEX delivery_receipts_unmatched_idx
    ON delivery_receipts (received_at) WHERE NOT matched AND retired_at IS NULL;
CREATE INDEX delivery_receipts_unmatched_attempts_idx
    ON delivery_receipts (reapply_attempts, received_at) WHERE NOT matched AND retired_at IS NULL;

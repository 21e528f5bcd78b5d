-- Inbound traffic: re-applying early receipts, reassembling long replies, and answering keywords.

-- Receipts that matched no message yet (a receipt can beat the engine's write of its message) are re-applied
-- by a periodic sweep; this keeps that sweep off the matched majority.
CREATE INDEX delivery_receipts_unmatched_idx ON delivery_receipts (received_at) WHERE NOT matched;

-- Parts of a long inbound SMS are kept after reassembly, so a Vonage retry of a part is recognised by its id.
-- concat-ref cycles (1-255 per sender), so only parts still waiting are unique per (phone, ref, part).
ALTER TABLE inbound_sms_parts DROP CONSTRAINT inbound_sms_parts_pkey;
ALTER TABLE inbound_sms_parts ADD COLUMN assembled_at timestamptz;
ALTER TABLE inbound_sms_parts ADD PRIMARY KEY (provider_message_id);
CREATE UNIQUE INDEX inbound_sms_parts_waiting_idx
    ON inbound_sms_parts (phone_number, concat_ref, part_number) WHERE assembled_at IS NULL;

-- The replies page of a campaign reads newest first.
CREATE INDEX sms_replies_campaign_received_idx ON sms_replies (campaign_id, received_at DESC, id DESC);

-- Answers to keywords (opt-out confirmation, help text), written in the transaction that records the inbound
-- message and sent by a background sender: at most one per inbound message, and never lost to a crash.
CREATE TABLE sms_outbox (
    id                          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                        text        NOT NULL CHECK (kind IN ('opt_out_confirmation', 'opt_in_confirmation', 'help')),
    inbound_provider_message_id text        NOT NULL UNIQUE,
    consent_event_id            bigint      REFERENCES consent_events (id),
    from_number                 text        NOT NULL,
    to_phone                    text        NOT NULL,
    body                        text        NOT NULL,
    -- uncertain: the provider may or may not have taken it; it is not sent again, so nobody gets two.
    status                      text        NOT NULL DEFAULT 'pending'
                                            CHECK (status IN ('pending', 'sent', 'failed', 'uncertain')),
    attempts                    integer     NOT NULL DEFAULT 0,
    next_attempt_at             timestamptz NOT NULL DEFAULT now(),
    provider_message_id         text,
    last_error                  text,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    finished_at                 timestamptz
);
CREATE INDEX sms_outbox_due_idx ON sms_outbox (next_attempt_at) WHERE status = 'pending';

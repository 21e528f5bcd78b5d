-- One opt-out confirmation per opt-out, not per STOP: a number that texts STOP again while it is still
-- blacklisted, or several STOPs racing, must get one confirmation (COMPLIANCE.md §2: the only message after
-- the opt-out). An opt-out is a blacklist entry, known by when it was created; a START that lifts it and a later
-- STOP make a new entry, confirmed once again.
ALTER TABLE sms_outbox ADD COLUMN blacklisted_at timestamptz;

-- Rows queued before this migration have none; every new confirmation must say which entry it confirms.
ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_opt_out_names_its_entry
    CHECK (kind <> 'opt_out_confirmation' OR blacklisted_at IS NOT NULL) NOT VALID;

CREATE UNIQUE INDEX sms_outbox_one_confirmation_per_opt_out_idx
    ON sms_outbox (to_phone, blacklisted_at) WHERE kind = 'opt_out_confirmation';

-- Who may not be contacted, and the never-deleted trail of why.

CREATE TABLE blacklist (
    phone_e164  text        PRIMARY KEY CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
    reason      text,
    source      text        NOT NULL CHECK (source IN ('stop_keyword', 'dtmf_opt_out', 'operator', 'complaint')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consent_events (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_e164              text        NOT NULL,
    event_type              text        NOT NULL CHECK (event_type IN ('opt_out', 'opt_in', 'help',
                                                                       'blacklist_added', 'blacklist_removed')),
    source                  text        NOT NULL CHECK (source IN ('stop_keyword', 'start_keyword', 'help_keyword',
                                                                   'dtmf_opt_out', 'operator', 'complaint')),
    channel                 text        NOT NULL CHECK (channel IN ('sms', 'voice', 'api')),
    raw_text                text,
    keyword                 text,
    campaign_id             uuid,
    provider_message_id     text,
    confirmation_sent_at    timestamptz,
    occurred_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_events_phone_idx ON consent_events (phone_e164, occurred_at);
-- One consent event per inbound message: Vonage's retries must not record it twice.
CREATE UNIQUE INDEX consent_events_inbound_once_idx
    ON consent_events (provider_message_id) WHERE provider_message_id IS NOT NULL;

-- The trail is append-only.
CREATE FUNCTION consent_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'consent_events is an audit trail: rows are never deleted';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
    FOR EACH ROW EXECUTE FUNCTION consent_events_are_append_only();

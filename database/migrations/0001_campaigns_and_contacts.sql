-- Campaigns, contacts and the per-campaign work list.

CREATE TABLE campaigns (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    type            text        NOT NULL CHECK (type IN ('sms', 'voice', 'hybrid')),
    status          text        NOT NULL DEFAULT 'draft'
                                CHECK (status IN ('draft', 'scheduled', 'queued', 'running', 'paused',
                                                  'completed', 'stopped', 'failed')),
    status_reason   text,
    sms_template    text,
    voice_script    text,
    sender          text        NOT NULL CHECK (length(sender) BETWEEN 1 AND 20),
    -- {days: ["Mon", ...], start: "08:00", end: "21:00", timeZone: "America/New_York"}
    calling_window  jsonb       NOT NULL,
    settings        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    -- A campaign can only exist in a shape its type can run.
    CONSTRAINT sms_needs_template   CHECK (type = 'voice' OR sms_template IS NOT NULL),
    CONSTRAINT voice_needs_script   CHECK (type = 'sms'   OR voice_script IS NOT NULL)
);

CREATE INDEX campaigns_status_type_idx ON campaigns (status, type, created_at);

CREATE TABLE contacts (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_e164      text        NOT NULL UNIQUE CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
    first_name      text,
    last_name       text,
    -- The zone the operator gave for this contact (IANA id), if any.
    time_zone       text,
    attributes      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    has_replied     boolean     NOT NULL DEFAULT false,
    last_reply_at   timestamptz,
    last_reply_text text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE campaign_recipients (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id         uuid        NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    contact_id          bigint      NOT NULL REFERENCES contacts (id),
    -- Denormalised so the claim can anti-join the blacklist without touching contacts.
    phone_e164          text        NOT NULL,
    -- The zones whose calling window must all be open before this recipient is sent,
    -- '|'-joined and sorted (one zone in the common case). Resolved once at import.
    zone_key            text        NOT NULL,
    status              text        NOT NULL DEFAULT 'pending'
                                    CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed',
                                                      'skipped_blacklisted', 'skipped_invalid', 'deferred',
                                                      'unknown', 'cancelled', 'expired', 'rejected')),
    attempt             integer     NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    next_attempt_at     timestamptz,
    outcome             text,
    error_code          text,
    provider_message_id text,
    segments            integer,
    price               numeric(12, 6),
    claimed_at          timestamptz,
    sent_at             timestamptz,
    finished_at         timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT one_recipient_per_contact UNIQUE (campaign_id, contact_id)
);

-- The claim: pending recipients of one campaign in a set of open zones, in id order.
CREATE INDEX campaign_recipients_claim_idx
    ON campaign_recipients (campaign_id, zone_key, id) WHERE status = 'pending';
CREATE INDEX campaign_recipients_status_idx ON campaign_recipients (campaign_id, status);
CREATE INDEX campaign_recipients_phone_idx ON campaign_recipients (phone_e164);

-- What was submitted to the provider and what came back.

-- One row per submission (recipient + attempt); client_ref is what Vonage echoes back.
CREATE TABLE sms_messages (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id     uuid        REFERENCES campaigns (id) ON DELETE CASCADE,
    recipient_id    bigint      REFERENCES campaign_recipients (id) ON DELETE CASCADE,
    client_ref      text        NOT NULL UNIQUE,
    to_phone        text        NOT NULL,
    sender          text        NOT NULL,
    body            text        NOT NULL,
    encoding        text        NOT NULL CHECK (encoding IN ('gsm7', 'ucs2')),
    segments        integer     NOT NULL CHECK (segments >= 1),
    status          text        NOT NULL CHECK (status IN ('submitted', 'accepted', 'delivered', 'failed',
                                                           'expired', 'rejected', 'unknown', 'throttled')),
    error_code      text,
    error_text      text,
    price           numeric(12, 6),
    -- [{status, errCode, at}] in arrival order: the audit trail of the message.
    status_history  jsonb       NOT NULL DEFAULT '[]'::jsonb,
    submitted_at    timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_messages_recipient_idx ON sms_messages (recipient_id);
CREATE INDEX sms_messages_campaign_idx ON sms_messages (campaign_id);

-- One row per message part: Vonage answers and reports per part.
CREATE TABLE sms_message_parts (
    provider_message_id text        PRIMARY KEY,
    sms_message_id      bigint      NOT NULL REFERENCES sms_messages (id) ON DELETE CASCADE,
    part_index          integer     NOT NULL,
    status              text        NOT NULL DEFAULT 'accepted',
    error_code          text,
    price               numeric(12, 6),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_message_parts_message_idx ON sms_message_parts (sms_message_id);

-- Every delivery receipt as received, kept even when it matches no message we know.
CREATE TABLE delivery_receipts (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_message_id text        NOT NULL,
    client_ref          text,
    status              text        NOT NULL,
    error_code          text,
    price               numeric(12, 6),
    msisdn              text,
    payload             jsonb       NOT NULL,
    matched             boolean     NOT NULL DEFAULT false,
    received_at         timestamptz NOT NULL DEFAULT now(),
    -- Vonage retries a receipt until it gets a 2xx: the same part and status is stored once.
    CONSTRAINT one_receipt_per_part_status UNIQUE (provider_message_id, status)
);
CREATE INDEX delivery_receipts_client_ref_idx ON delivery_receipts (client_ref) WHERE client_ref IS NOT NULL;

CREATE TABLE calls (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id     uuid        REFERENCES campaigns (id) ON DELETE CASCADE,
    recipient_id    bigint      REFERENCES campaign_recipients (id) ON DELETE CASCADE,
    client_ref      text        NOT NULL UNIQUE,
    call_uuid       text        UNIQUE,
    to_phone        text        NOT NULL,
    status          text        NOT NULL,
    error_code      text,
    duration_s      integer,
    price           numeric(12, 6),
    status_history  jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX calls_recipient_idx ON calls (recipient_id);

-- Inbound messages, once per provider message id.
CREATE TABLE sms_replies (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id          bigint      REFERENCES contacts (id),
    campaign_id         uuid        REFERENCES campaigns (id) ON DELETE SET NULL,
    phone_number        text        NOT NULL,
    reply_text          text        NOT NULL,
    -- opt_out, opt_in, help or reply: what the text was taken to mean.
    classification      text        NOT NULL DEFAULT 'reply'
                                    CHECK (classification IN ('opt_out', 'opt_in', 'help', 'reply')),
    received_at         timestamptz NOT NULL,
    provider_message_id text        NOT NULL UNIQUE,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_replies_contact_idx ON sms_replies (contact_id);
CREATE INDEX sms_replies_campaign_idx ON sms_replies (campaign_id);
CREATE INDEX sms_replies_phone_idx ON sms_replies (phone_number);
CREATE INDEX sms_replies_received_at_idx ON sms_replies (received_at);

-- Parts of a concatenated inbound SMS waiting for their siblings.
CREATE TABLE inbound_sms_parts (
    phone_number        text        NOT NULL,
    concat_ref          text        NOT NULL,
    part_number         integer     NOT NULL CHECK (part_number >= 1),
    part_total          integer     NOT NULL CHECK (part_total >= 1),
    provider_message_id text        NOT NULL,
    part_text           text        NOT NULL,
    received_at         timestamptz NOT NULL,
    PRIMARY KEY (phone_number, concat_ref, part_number)
);

-- Voice campaigns: one calls row per call attempt (recipient + attempt, like an SMS submission), every event Vonage
-- posts about it, and which channel a hybrid recipient's pending work belongs to.

-- A hybrid campaign's recipient first waits for the campaign's first channel; once that channel's outcome asks for
-- the other one (an SMS that failed, a call nobody answered), it is pending again with follow_up set, and only the
-- other channel's sender claims it.
ALTER TABLE campaign_recipients ADD COLUMN follow_up boolean NOT NULL DEFAULT false;

-- Written when a call is created (or may have been: then call_uuid is NULL until an event names it). A call is in
-- progress until ended_at; outcome is the recipient-level verdict its events led to.
ALTER TABLE calls
    ADD COLUMN conversation_uuid text,
    ADD COLUMN outcome           text CHECK (outcome IN ('answered', 'voicemail', 'busy', 'noAnswer', 'failed', 'optedOut')),
    ADD COLUMN digits            text,
    ADD COLUMN answered_at       timestamptz,
    ADD COLUMN ended_at          timestamptz,
    -- Past this, a call still in progress is asked about (GET /v1/calls/{uuid}): its events may have been lost.
    ADD COLUMN resolve_by        timestamptz;
CREATE INDEX calls_in_progress_idx ON calls (campaign_id, resolve_by) WHERE ended_at IS NULL;
CREATE INDEX calls_campaign_idx ON calls (campaign_id);
CREATE INDEX calls_recipient_created_idx ON calls (recipient_id, created_at);

-- Every event as received. The client reference comes from the event URL the host gave Vonage for that attempt, so
-- an event can be matched even to a call whose creation answer was lost. Vonage posts each status once per call; a
-- repeat (a retried input, a replay) is stored once.
CREATE TABLE call_events (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_ref  text        NOT NULL,
    call_uuid   text        NOT NULL,
    status      text        NOT NULL,
    detail      text,
    digits      text,
    payload     jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT one_event_per_call_status UNIQUE (call_uuid, status)
);
CREATE INDEX call_events_client_ref_idx ON call_events (client_ref);

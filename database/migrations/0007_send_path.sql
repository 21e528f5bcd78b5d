-- Indexes behind the send path's per-tick queries and the campaign report. The claim itself is served by
-- campaign_recipients_claim_idx (0001) and the blacklist's primary key.

-- The earliest retry still waiting: only recipients that were put back with a backoff are in it.
CREATE INDEX campaign_recipients_retry_idx
    ON campaign_recipients (campaign_id, next_attempt_at)
    WHERE status = 'pending' AND next_attempt_at IS NOT NULL;

-- The report counts the opt-outs a campaign caused.
CREATE INDEX consent_events_campaign_idx
    ON consent_events (campaign_id, event_type) WHERE campaign_id IS NOT NULL;

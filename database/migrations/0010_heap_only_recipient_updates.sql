-- A recipient row changes status three times on the send path (claim, outcome, final receipt). While `status` sat in
-- an index key or predicate, each change was a new row version entered into every index of the table. With no index
-- naming `status` and half of each page left free, PostgreSQL makes those updates heap-only: one page touched, no
-- index written.

-- Start-up looks for stopped and failed campaigns whose wind-down a crash cut short. Without a status index that
-- question reads every recipient of every such campaign, so a finished wind-down is stamped on the campaign instead
-- (stamped here, while the status index still answers, for the campaigns already wound down).
ALTER TABLE campaigns ADD COLUMN wound_down_at timestamptz;
UPDATE campaigns c SET wound_down_at = now()
WHERE c.status IN ('stopped', 'failed')
  AND NOT EXISTS (SELECT 1 FROM campaign_recipients r
                  WHERE r.campaign_id = c.id AND r.status IN ('pending', 'sending', 'deferred'));

-- Counting by status now reads the campaign's rows through the claim index instead of an index-only scan.
DROP INDEX campaign_recipients_status_idx;

-- The claim walks a zone's recipients in id order from a cursor (campaign_claim_cursors) instead of a pending-only
-- index, so the index holds every recipient and never changes when one is claimed.
DROP INDEX campaign_recipients_claim_idx;
CREATE INDEX campaign_recipients_claim_idx ON campaign_recipients (campaign_id, zone_key, id);

-- Recipients waiting for a retry (throttled, transient, released by a pause) are the ones with a next attempt time.
-- Every statement that moves a recipient out of 'pending' clears it, so the predicate no longer needs the status.
UPDATE campaign_recipients SET next_attempt_at = NULL WHERE status <> 'pending' AND next_attempt_at IS NOT NULL;
DROP INDEX campaign_recipients_retry_idx;
CREATE INDEX campaign_recipients_retry_idx
    ON campaign_recipients (campaign_id, next_attempt_at) WHERE next_attempt_at IS NOT NULL;

-- Room on each page for the new versions of its rows: a claim rewrites every row of the pages it touches in one
-- transaction, before any old version can be pruned.
ALTER TABLE campaign_recipients SET (fillfactor = 50);

-- How far each zone of a campaign has been claimed: every recipient of the zone at or below `claimed_through` that
-- was never retried has been claimed (or was not pending). Advanced by the claim in its own statement, under the
-- campaign's claim lock; rewound to just below the first pending, never-tried recipient when rows may have
-- appeared below it.
CREATE TABLE campaign_claim_cursors (
    campaign_id     uuid        NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    zone_key        text        NOT NULL,
    claimed_through bigint      NOT NULL,
    PRIMARY KEY (campaign_id, zone_key)
);

-- The send path writes a message for a recipient it has just claimed and the parts of a message it has just
-- written, in one transaction; the checks of these two keys locked the recipient and the message row again, once per
-- SMS, and proved nothing that statement did not already hold.
ALTER TABLE sms_messages DROP CONSTRAINT sms_messages_recipient_id_fkey;
ALTER TABLE sms_message_parts DROP CONSTRAINT sms_message_parts_sms_message_id_fkey;

-- Nothing looks messages up by recipient: receipts find them by part or client-ref, reports read the recipients. A
-- recipient's submissions are still found by their client-refs, which begin with the recipient's id.
DROP INDEX sms_messages_recipient_idx;

-- A claimed batch, in the order its sender hands recipients to the provider. Before a request leaves, the sender
-- moves `handed_through` past it (one write for many requests), so after a crash the recipients beyond it are known
-- never to have been sent and go back to pending; only those at or below it may have reached the provider.
-- The row goes in the same transaction that records the batch's outcomes.
CREATE TABLE send_batches (
    id             uuid        PRIMARY KEY,
    campaign_id    uuid        NOT NULL,
    recipient_ids  bigint[]    NOT NULL,
    handed_through integer     NOT NULL DEFAULT 0,
    claimed_at     timestamptz NOT NULL
);
CREATE INDEX send_batches_campaign_idx ON send_batches (campaign_id);

-- An 'unknown' recipient (its request may or may not have reached the provider) waits this long for a receipt that
-- settles it; then the campaign's unknownPolicy resends or leaves it. NULL once settled or left.
ALTER TABLE campaign_recipients ADD COLUMN resolve_by timestamptz;
CREATE INDEX campaign_recipients_resolve_idx ON campaign_recipients (campaign_id, resolve_by) WHERE resolve_by IS NOT NULL;

-- Senders re-check the blacklist right before each request from entries added since their last look.
CREATE INDEX blacklist_created_idx ON blacklist (created_at);

-- Bumped by every import chunk, in its own transaction, only while the campaign has not ended; a campaign completes
-- only if it is unchanged since the count that found nothing left, so an import racing completion is either
-- counted (and sent) or refused, never stranded in a finished campaign.
ALTER TABLE campaigns ADD COLUMN recipient_generation bigint NOT NULL DEFAULT 0;

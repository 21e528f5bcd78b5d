-- Every SMS sent and every receipt folded writes these tables; each index and foreign key below cost a write or a
-- lookup per row on those paths and served nothing that could not be had otherwise.

-- Nothing reads messages by campaign: reports go through campaign_recipients, and a message's campaign follows from
-- its recipient, whose foreign key (ON DELETE CASCADE) already ties it to the campaign. The check on campaign_id also
-- took a FOR KEY SHARE lock on the one campaign row for every message, from every concurrent batch at once.
ALTER TABLE sms_messages DROP CONSTRAINT sms_messages_campaign_id_fkey;
DROP INDEX sms_messages_campaign_idx;

-- Receipts are looked up by client-ref only while unmatched (the sweep, and a send write meeting early receipts);
-- the matched majority no longer enters the index at all.
DROP INDEX delivery_receipts_client_ref_idx;
CREATE INDEX delivery_receipts_unmatched_client_ref_idx
    ON delivery_receipts (client_ref) WHERE client_ref IS NOT NULL AND NOT matched;

-- A recipient row is rewritten at claim, at outcome and at its final receipt, each time into every index. The
-- uniqueness of (campaign, contact) also serves the look-up of a contact's campaigns when its columns lead with the
-- contact (an inbound reply finds the campaign that last messaged its sender), so the separate phone index goes.
-- Deleting a campaign's recipients still has campaign_recipients_status_idx, which leads with the campaign.
ALTER TABLE campaign_recipients DROP CONSTRAINT one_recipient_per_contact;
ALTER TABLE campaign_recipients ADD CONSTRAINT one_recipient_per_contact UNIQUE (contact_id, campaign_id);
DROP INDEX campaign_recipients_phone_idx;

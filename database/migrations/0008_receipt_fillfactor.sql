-- Delivery receipts update parts and messages in place (one to three times each). Room left on each page lets
-- PostgreSQL make those heap-only updates, which touch none of the tables' indexes.
ALTER TABLE sms_message_parts SET (fillfactor = 80);
ALTER TABLE sms_messages SET (fillfactor = 80);

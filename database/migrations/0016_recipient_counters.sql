-- Per-campaign recipient counts by status, kept by the statements that change recipients (issue 12): status, list and
-- report read a few rows instead of counting and summing a million recipients.
--
-- Statement-level triggers with transition tables append each statement's net change to a delta table inside the
-- same transaction, whatever path made it (claim, outcome, receipt, sweep, resend, import, a hand-written UPDATE), so
-- the counts cannot drift from the rows. Appending takes no lock another writer waits on: concurrent batches and
-- receipt writers of one campaign never queue behind a counter row, and cannot deadlock on one. A compactor folds the
-- deltas into campaign_recipient_counts every second; a read adds the two, so it is exact at any moment.
CREATE TABLE campaign_recipient_counts (
    campaign_id   uuid           NOT NULL,
    status        text           NOT NULL,
    recipients    bigint         NOT NULL,
    -- Recipients whose send awaits its resolution (resolve_by set): the tally's "unknownUnresolved".
    unresolved    bigint         NOT NULL,
    -- The report's sums; the send times are the earliest and latest ever seen.
    segments      bigint         NOT NULL,
    cost          numeric(18, 6) NOT NULL,
    first_sent_at timestamptz,
    last_sent_at  timestamptz,
    PRIMARY KEY (campaign_id, status)
);

CREATE TABLE campaign_recipient_count_deltas (
    campaign_id   uuid           NOT NULL,
    status        text           NOT NULL,
    recipients    bigint         NOT NULL,
    unresolved    bigint         NOT NULL,
    segments      bigint         NOT NULL,
    cost          numeric(18, 6) NOT NULL,
    first_sent_at timestamptz,
    last_sent_at  timestamptz
);
CREATE INDEX campaign_recipient_count_deltas_campaign_idx ON campaign_recipient_count_deltas (campaign_id);

-- Each changed row adds itself as it is now and takes itself away as it was; each event names only the tables it has.
CREATE FUNCTION campaign_recipient_counts_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO campaign_recipient_count_deltas
        SELECT campaign_id, status, count(*), count(resolve_by), COALESCE(sum(segments), 0), COALESCE(sum(price), 0),
               min(sent_at), max(sent_at)
        FROM new_rows GROUP BY campaign_id, status;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO campaign_recipient_count_deltas
        SELECT campaign_id, status, -count(*), -count(resolve_by), -COALESCE(sum(segments), 0), -COALESCE(sum(price), 0),
               NULL, NULL
        FROM old_rows o
        -- Recipients deleted with their campaign leave nothing: its own trigger has removed, or will remove, its counters.
        WHERE EXISTS (SELECT 1 FROM campaigns c WHERE c.id = o.campaign_id)
        GROUP BY campaign_id, status;
    ELSE
        INSERT INTO campaign_recipient_count_deltas
        SELECT campaign_id, status, sum(d), sum(u), sum(g), sum(p), min(s), max(s)
        FROM (SELECT campaign_id, status, 1 AS d, (resolve_by IS NOT NULL)::int AS u, COALESCE(segments, 0) AS g,
                     COALESCE(price, 0) AS p, sent_at AS s
              FROM new_rows
              UNION ALL
              SELECT campaign_id, status, -1, -(resolve_by IS NOT NULL)::int, -COALESCE(segments, 0), -COALESCE(price, 0), NULL
              FROM old_rows) AS changes
        GROUP BY campaign_id, status
        -- A statement that moved nothing between statuses and changed no sum adds no row.
        HAVING sum(d) <> 0 OR sum(u) <> 0 OR sum(g) <> 0 OR sum(p) <> 0;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER campaign_recipients_counted_insert AFTER INSERT ON campaign_recipients
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_recipient_counts_apply();
CREATE TRIGGER campaign_recipients_counted_update AFTER UPDATE ON campaign_recipients
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_recipient_counts_apply();
CREATE TRIGGER campaign_recipients_counted_delete AFTER DELETE ON campaign_recipients
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_recipient_counts_apply();

-- A deleted campaign's counters go with it.
CREATE FUNCTION campaign_recipient_counts_forget() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM campaign_recipient_counts c USING old_campaigns o WHERE c.campaign_id = o.id;
    DELETE FROM campaign_recipient_count_deltas d USING old_campaigns o WHERE d.campaign_id = o.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER campaigns_counts_forgotten AFTER DELETE ON campaigns
    REFERENCING OLD TABLE AS old_campaigns FOR EACH STATEMENT EXECUTE FUNCTION campaign_recipient_counts_forget();

INSERT INTO campaign_recipient_counts
SELECT campaign_id, status, count(*), count(resolve_by), COALESCE(sum(segments), 0), COALESCE(sum(price), 0), min(sent_at), max(sent_at)
FROM campaign_recipients GROUP BY campaign_id, status;

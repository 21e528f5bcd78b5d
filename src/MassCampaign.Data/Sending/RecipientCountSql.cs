namespace MassCampaign.Data.Sending;

/// <summary>
/// The recipient counters of migration 0016: compacted counts plus the deltas appended since, read together so a read
/// is exact at any moment; and the compaction that folds the deltas in.
/// </summary>
public static class RecipientCountSql
{
    private const string Columns = "campaign_id, status, recipients, unresolved, segments, cost, first_sent_at, last_sent_at";

    /// <summary>Rows of one campaign (@campaign_id) to sum by status.</summary>
    public const string CountsOf = $"""
        SELECT {Columns} FROM campaign_recipient_counts WHERE campaign_id = @campaign_id
        UNION ALL
        SELECT {Columns} FROM campaign_recipient_count_deltas WHERE campaign_id = @campaign_id
        """;

    /// <summary>Rows of several campaigns (@ids) to sum by campaign and status.</summary>
    public const string CountsOfAny = $"""
        SELECT {Columns} FROM campaign_recipient_counts WHERE campaign_id = ANY(@ids)
        UNION ALL
        SELECT {Columns} FROM campaign_recipient_count_deltas WHERE campaign_id = ANY(@ids)
        """;

    /// <summary>
    /// Folds up to @limit deltas into the counts in one statement. Deltas appended meanwhile are not visible to it and
    /// wait for the next round. Two compactors take disjoint deltas (SKIP LOCKED) and fold them into the counts in one
    /// order, so they never wait on each other in a cycle.
    /// </summary>
    public const string Compact = """
        WITH moved AS (
            DELETE FROM campaign_recipient_count_deltas
            WHERE ctid IN (SELECT ctid FROM campaign_recipient_count_deltas LIMIT @limit FOR UPDATE SKIP LOCKED)
            RETURNING *
        ), folded AS (
            INSERT INTO campaign_recipient_counts AS c
            SELECT campaign_id, status, sum(recipients), sum(unresolved), sum(segments), sum(cost), min(first_sent_at), max(last_sent_at)
            FROM moved GROUP BY campaign_id, status
            ORDER BY campaign_id, status
            ON CONFLICT (campaign_id, status) DO UPDATE
            SET recipients = c.recipients + excluded.recipients, unresolved = c.unresolved + excluded.unresolved,
                segments = c.segments + excluded.segments, cost = c.cost + excluded.cost,
                first_sent_at = LEAST(c.first_sent_at, excluded.first_sent_at),
                last_sent_at = GREATEST(c.last_sent_at, excluded.last_sent_at)
            RETURNING 1
        )
        SELECT count(*) FROM moved
        """;

    /// <summary>What the counters must equal: every recipient counted, for tests and audits.</summary>
    public const string Recount = """
        SELECT status, count(*), count(*) FILTER (WHERE resolve_by IS NOT NULL)
        FROM campaign_recipients WHERE campaign_id = @campaign_id GROUP BY status
        """;
}

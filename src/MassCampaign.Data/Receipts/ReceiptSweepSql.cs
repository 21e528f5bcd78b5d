namespace MassCampaign.Data.Receipts;

/// <summary>The sweep's statements: which stored receipts still unmatched to try again, and their tries and retirement.</summary>
internal static class ReceiptSweepSql
{
    /// <summary>
    /// What one sweep tries: the oldest receipts past the cut-off (each gets a last try before it is retired) and,
    /// apart from them, the least-tried of the rest, so receipts that never match cannot keep newer ones waiting.
    /// </summary>
    public const string SelectForSweep = """
        (SELECT id FROM delivery_receipts
         WHERE NOT matched AND retired_at IS NULL AND received_at <= now() - @retire_after
         ORDER BY received_at
         LIMIT @limit)
        UNION ALL
        (SELECT id FROM delivery_receipts
         WHERE NOT matched AND retired_at IS NULL AND received_at > now() - @retire_after
         ORDER BY reapply_attempts, received_at
         LIMIT @limit)
        """;

    /// <summary>Counts a try for the swept receipts still unmatched and retires those past the cut-off or out of tries.</summary>
    public const string RecordSweepTries = """
        WITH tried AS (
            UPDATE delivery_receipts
            SET reapply_attempts = reapply_attempts + 1,
                retired_reason = CASE WHEN received_at <= now() - @retire_after THEN 'unmatched_past_cutoff'
                                      WHEN reapply_attempts + 1 >= @max_attempts THEN 'unmatched_after_max_attempts' END,
                retired_at = CASE WHEN received_at <= now() - @retire_after OR reapply_attempts + 1 >= @max_attempts THEN now() END
            WHERE id = ANY(@receipts) AND NOT matched
            RETURNING retired_at)
        SELECT count(*) FILTER (WHERE retired_at IS NOT NULL)::integer FROM tried
        """;

    public const string SelectUnmatchedByClientRef = """
        SELECT id FROM delivery_receipts WHERE client_ref = ANY(@refs) AND NOT matched
        """;
}

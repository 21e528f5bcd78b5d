namespace MassCampaign.Data.Sending;

/// <summary>
/// Statements that give finished recipients a new attempt. Each bumps the campaign's recipient generation in the same
/// statement, so a completion decided on a count from before it does not go through (see TryComplete).
/// </summary>
internal static class ReopenSql
{
    /// <summary>The operator's resend: reads the campaign's recipients once (no index names the status).</summary>
    public const string Resend = """
        WITH bump AS (
            UPDATE campaigns SET recipient_generation = recipient_generation + 1 WHERE id = @campaign_id
        )
        UPDATE campaign_recipients r
        SET status = 'pending',
            next_attempt_at = @now,
            outcome = 'resend: requested by the operator',
            error_code = NULL,
            resolve_by = NULL,
            finished_at = NULL,
            updated_at = @now
        WHERE r.campaign_id = @campaign_id AND r.status = ANY(@statuses) AND r.attempt < @max_attempts
        """;

    public const string CountAtAttemptCap = """
        SELECT count(*) FROM campaign_recipients
        WHERE campaign_id = @campaign_id AND status = ANY(@statuses) AND attempt >= @max_attempts
        """;

    /// <summary>
    /// settings.retry: failed recipients whose error is a passing one, below the attempt cap, wait @after from their
    /// failure and go again. A receipt's verdict counts only for a submission the provider took (sent_at is set).
    /// </summary>
    public const string ScheduleRetries = $"""
        WITH bump AS (
            UPDATE campaigns SET recipient_generation = recipient_generation + 1
            WHERE id = @campaign_id
              AND EXISTS (SELECT 1 FROM campaign_recipients r WHERE r.campaign_id = @campaign_id AND {Eligible})
        )
        UPDATE campaign_recipients r
        SET status = 'pending',
            next_attempt_at = greatest(COALESCE(r.finished_at, @now) + @after, @now),
            outcome = 'retry scheduled: ' || COALESCE(r.outcome, 'failed'),
            finished_at = NULL,
            updated_at = @now
        WHERE r.campaign_id = @campaign_id AND {Eligible}
        """;

    private const string Eligible = """
        r.status IN ('failed', 'expired') AND r.attempt < @max_attempts
        AND ((r.sent_at IS NOT NULL AND r.error_code = ANY(@receipt_codes))
             OR (r.sent_at IS NULL AND (r.error_code = ANY(@submission_codes) OR r.error_code LIKE @http_pattern)))
        """;
}

using MassCampaign.Data.Sending;
namespace MassCampaign.Data.Reporting;

/// <summary>The report's reads. None runs on the send path; each reads one campaign through its campaign_id indexes.</summary>
internal static class ReportingSql
{
    /// <summary>
    /// Opt-outs are distinct numbers: one that sent STOP counts once, whether the reply or the consent event
    /// (keyword, DTMF, operator, complaint) names the campaign.
    /// </summary>
    public const string Report = $"""
        SELECT c.name, c.type, c.status, t.segments, t.cost, t.first_sent_at, t.last_sent_at,
               (SELECT count(*) FROM sms_replies s WHERE s.campaign_id = c.id) AS replies,
               (SELECT count(*)
                FROM (SELECT e.phone_e164 FROM consent_events e
                      WHERE e.campaign_id = c.id AND e.event_type = 'opt_out'
                      UNION
                      SELECT s.phone_number FROM sms_replies s
                      WHERE s.campaign_id = c.id AND s.classification = 'opt_out') o) AS opt_outs
        FROM campaigns c
        CROSS JOIN LATERAL (
            SELECT COALESCE(sum(r.segments), 0)::bigint AS segments, COALESCE(sum(r.cost), 0) AS cost,
                   min(r.first_sent_at) AS first_sent_at, max(r.last_sent_at) AS last_sent_at
            FROM ({RecipientCountSql.CountsOf}) r) t
        WHERE c.id = @campaign_id
        """;

    /// <summary>
    /// Sends per time bucket, for the console's throughput chart: one pass over the campaign's recipients by its
    /// campaign_id index, opened by an operator now and then, never on the send path.
    /// </summary>
    public const string SentPerBucket = """
        SELECT date_bin(@bucket, r.sent_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS at, count(*)
        FROM campaign_recipients r
        WHERE r.campaign_id = @campaign_id AND r.sent_at IS NOT NULL
        GROUP BY 1
        ORDER BY 1
        """;

    public const string CampaignExists = "SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = @campaign_id)";

    /// <summary>A null @statuses selects every status.</summary>
    public const string CountRecipients = """
        SELECT count(*) FROM campaign_recipients r
        WHERE r.campaign_id = @campaign_id AND (@statuses::text[] IS NULL OR r.status = ANY(@statuses::text[]))
        """;

    /// <summary>In id order, which is import order; a null @limit reads to the end.</summary>
    public const string Recipients = """
        SELECT r.phone_e164, ct.first_name, ct.last_name, r.status, r.attempt, r.outcome, r.error_code,
               r.provider_message_id, r.segments, r.price, r.sent_at, r.finished_at
        FROM campaign_recipients r
        JOIN contacts ct ON ct.id = r.contact_id
        WHERE r.campaign_id = @campaign_id AND (@statuses::text[] IS NULL OR r.status = ANY(@statuses::text[]))
        ORDER BY r.id
        OFFSET @offset LIMIT @limit
        """;
}

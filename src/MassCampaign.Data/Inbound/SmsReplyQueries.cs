using Npgsql;

namespace MassCampaign.Data.Inbound;

/// <summary>Reads the inbound messages of a campaign: a page of them, newest first, and their counts.</summary>
public sealed class SmsReplyQueries(NpgsqlDataSource dataSource)
{
    private const string Page = """
        SELECT id, contact_id, campaign_id, phone_number, reply_text, classification, received_at, provider_message_id
        FROM sms_replies
        WHERE campaign_id = @campaign AND (@classification::text IS NULL OR classification = @classification)
        ORDER BY received_at DESC, id DESC
        OFFSET @offset LIMIT @limit
        """;

    private const string Counts = """
        SELECT count(*),
               count(*) FILTER (WHERE classification = 'reply'),
               count(*) FILTER (WHERE classification = 'opt_out'),
               count(*) FILTER (WHERE classification = 'opt_in'),
               count(*) FILTER (WHERE classification = 'help'),
               count(DISTINCT phone_number)
        FROM sms_replies
        WHERE campaign_id = @campaign
        """;

    /// <param name="classification">reply, opt_out, opt_in or help; null for all.</param>
    public async Task<IReadOnlyList<SmsReplyRow>> ListByCampaignAsync(
        Guid campaignId, string? classification, long offset, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Page);
        command.Parameters.AddWithValue("campaign", campaignId);
        command.Parameters.AddWithValue("classification", (object?)classification ?? DBNull.Value);
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<SmsReplyRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new SmsReplyRow(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetString(7)));
        }

        return rows;
    }

    public async Task<CampaignReplyCounts> CountByCampaignAsync(Guid campaignId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Counts);
        command.Parameters.AddWithValue("campaign", campaignId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new CampaignReplyCounts(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    public async Task<bool> CampaignExistsAsync(Guid campaignId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = @campaign)");
        command.Parameters.AddWithValue("campaign", campaignId);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}

using Npgsql;

namespace MassCampaign.Data.Suppression;

/// <summary>Blacklist and consent statements shared by the operator API and the keyword handling of inbound SMS.</summary>
internal static class SuppressionSql
{
    private const string EntryColumns = "phone_e164, reason, source, created_at";

    public const string InsertBlacklist = $"""
        INSERT INTO blacklist (phone_e164, reason, source) VALUES (@phone, @reason, @source)
        ON CONFLICT (phone_e164) DO NOTHING
        RETURNING {EntryColumns}
        """;

    public const string SelectBlacklist = $"SELECT {EntryColumns} FROM blacklist WHERE phone_e164 = @phone";

    /// <summary>
    /// The console's search: numbers containing the digits typed, newest first. An operator's occasional read, so a scan
    /// of the list is acceptable; the send path never runs it.
    /// </summary>
    public const string SearchBlacklist = $"""
        SELECT {EntryColumns} FROM blacklist
        WHERE strpos(phone_e164, @digits) > 0
        ORDER BY created_at DESC, phone_e164
        LIMIT @limit
        """;

    public const string DeleteBlacklist = $"DELETE FROM blacklist WHERE phone_e164 = @phone RETURNING {EntryColumns}";

    public const string DeleteSelfServiceBlacklist = $"""
        DELETE FROM blacklist WHERE phone_e164 = @phone AND source = ANY(@sources) RETURNING {EntryColumns}
        """;

    public const string InsertConsentEvent = """
        INSERT INTO consent_events (phone_e164, event_type, source, channel, raw_text, keyword, campaign_id, provider_message_id)
        VALUES (@phone, @type, @source, @channel, @text, @keyword, @campaign, @message)
        ON CONFLICT (provider_message_id) WHERE provider_message_id IS NOT NULL DO NOTHING
        RETURNING id
        """;

    /// <returns>The new event's id, or null when this inbound message already recorded one.</returns>
    public static async Task<long?> InsertConsentEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ConsentEvent e, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(InsertConsentEvent, connection, transaction);
        command.Parameters.AddWithValue("phone", e.Phone);
        command.Parameters.AddWithValue("type", e.EventType);
        command.Parameters.AddWithValue("source", e.Source);
        command.Parameters.AddWithValue("channel", e.Channel);
        command.Parameters.AddWithValue("text", (object?)e.RawText ?? DBNull.Value);
        command.Parameters.AddWithValue("keyword", (object?)e.Keyword ?? DBNull.Value);
        command.Parameters.AddWithValue("campaign", (object?)e.CampaignId ?? DBNull.Value);
        command.Parameters.AddWithValue("message", (object?)e.ProviderMessageId ?? DBNull.Value);
        return await command.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    /// <summary>Runs a statement returning blacklist rows and reads the first, if any.</summary>
    public static async Task<BlacklistEntry?> ReadEntryAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Action<NpgsqlParameterCollection> bind, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new BlacklistEntry(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3));
    }
}

using Npgsql;

namespace MassCampaign.Data.Suppression;

/// <summary>
/// Keyword answers waiting to be sent. Rows are written with the inbound message that caused them (at most one
/// per inbound message id, and one opt-out confirmation per blacklist entry); a sender claims due rows under a
/// lease, so two hosts never send the same row at once.
/// </summary>
public sealed class SmsOutbox(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// An opt-out confirmation names the blacklist entry it confirms: a second STOP while that entry stands, or a
    /// racing one (its blacklist insert waits for the first to commit, then reads the same entry), conflicts on
    /// the unique (to_phone, blacklisted_at) index and queues nothing.
    /// </summary>
    private const string Enqueue = """
        INSERT INTO sms_outbox (kind, inbound_provider_message_id, consent_event_id, from_number, to_phone, body, blacklisted_at)
        VALUES (@kind, @inbound, @consent, @from, @to, @body,
                CASE WHEN @kind = 'opt_out_confirmation' THEN (SELECT created_at FROM blacklist WHERE phone_e164 = @to) END)
        ON CONFLICT DO NOTHING
        """;

    private const string Claim = """
        UPDATE sms_outbox o
        SET attempts = o.attempts + 1, next_attempt_at = now() + @lease
        WHERE o.id IN (SELECT id FROM sms_outbox
                       WHERE status = 'pending' AND next_attempt_at <= now()
                       ORDER BY next_attempt_at, id
                       LIMIT @limit
                       FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.kind, o.from_number, o.to_phone, o.body, o.consent_event_id, o.attempts
        """;

    private const string Sent = """
        WITH done AS (
            UPDATE sms_outbox SET status = 'sent', provider_message_id = @provider, last_error = NULL, finished_at = now()
            WHERE id = @id
            RETURNING consent_event_id)
        UPDATE consent_events SET confirmation_sent_at = now()
        WHERE id = (SELECT consent_event_id FROM done) AND confirmation_sent_at IS NULL
        """;

    private const string Finish = """
        UPDATE sms_outbox SET status = @status, last_error = @error, finished_at = now() WHERE id = @id
        """;

    private const string Retry = """
        UPDATE sms_outbox SET next_attempt_at = now() + @delay, last_error = @error WHERE id = @id
        """;

    /// <summary>Claims up to <paramref name="limit"/> due rows; a claimed row is due again only after <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Claim);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("lease", lease);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var claimed = new List<OutboxMessage>();
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(new OutboxMessage(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.GetInt32(6)));
        }

        return claimed;
    }

    /// <summary>Sent: the consent event it confirms records when.</summary>
    public Task MarkSentAsync(long id, string? providerMessageId, CancellationToken ct) =>
        ExecuteAsync(Sent, ct, ("id", id), ("provider", providerMessageId));

    /// <summary>The provider may have taken it: it is not sent again, so the contact never gets two.</summary>
    public Task MarkUncertainAsync(long id, string error, CancellationToken ct) =>
        ExecuteAsync(Finish, ct, ("id", id), ("status", "uncertain"), ("error", error));

    public Task MarkFailedAsync(long id, string error, CancellationToken ct) =>
        ExecuteAsync(Finish, ct, ("id", id), ("status", "failed"), ("error", error));

    public Task RetryLaterAsync(long id, TimeSpan delay, string error, CancellationToken ct) =>
        ExecuteAsync(Retry, ct, ("id", id), ("delay", delay), ("error", error));

    /// <returns>True when the answer was queued; false when this message or this opt-out already has one.</returns>
    internal static async Task<bool> EnqueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxReply reply, string inboundMessageId,
        long? consentEventId, string from, string to, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Enqueue, connection, transaction);
        command.Parameters.AddWithValue("kind", reply.Kind);
        command.Parameters.AddWithValue("inbound", inboundMessageId);
        command.Parameters.AddWithValue("consent", (object?)consentEventId ?? DBNull.Value);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("body", reply.Body);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}

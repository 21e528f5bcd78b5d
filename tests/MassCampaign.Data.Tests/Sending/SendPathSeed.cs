using Npgsql;

namespace MassCampaign.Data.Tests.Sending;

/// <summary>Plain SQL inserts and reads for send path and report tests: campaigns, contacts, recipients, receipts.</summary>
internal sealed class SendPathSeed(NpgsqlDataSource dataSource)
{
    // The blacklist and contacts are shared by every campaign of a database, so every number is new.
    private static int _lastPhone = Random.Shared.Next(1_000_000, 2_000_000);

    public static string NewPhone() => "+1555" + Interlocked.Increment(ref _lastPhone).ToString("D7");

    public async Task<Guid> CampaignAsync(string name = "Spring sale", string status = "running")
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO campaigns (id, name, type, status, sms_template, sender, calling_window)
            VALUES (@id, @name, 'sms', @status, 'Hi {first_name}', 'Acme', '{"start": "08:00", "end": "21:00"}')
            """,
            ("id", id), ("name", name), ("status", status));
        return id;
    }

    /// <summary>New contacts and their pending recipients, in id order.</summary>
    public async Task<IReadOnlyList<SeededRecipient>> RecipientsAsync(
        Guid campaignId, int count, string zoneKey = "America/New_York", string attributesJson = "{}")
    {
        var phones = Enumerable.Range(0, count).Select(_ => NewPhone()).ToArray();
        await using var command = dataSource.CreateCommand(
            """
            WITH contact AS (
                INSERT INTO contacts (phone_e164, first_name, last_name, time_zone, attributes)
                SELECT p.phone, 'Ada' || p.n, 'Lovelace' || p.n, 'America/New_York', @attributes::jsonb
                FROM unnest(@phones::text[]) WITH ORDINALITY AS p(phone, n)
                RETURNING id, phone_e164)
            INSERT INTO campaign_recipients (campaign_id, contact_id, phone_e164, zone_key)
            SELECT @campaign, contact.id, contact.phone_e164, @zone FROM contact ORDER BY contact.id
            RETURNING id, contact_id, phone_e164
            """);
        command.Parameters.AddWithValue("phones", phones);
        command.Parameters.AddWithValue("attributes", attributesJson);
        command.Parameters.AddWithValue("campaign", campaignId);
        command.Parameters.AddWithValue("zone", zoneKey);
        var seeded = new List<SeededRecipient>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            seeded.Add(new SeededRecipient(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return [.. seeded.OrderBy(r => r.Id)];
    }

    public async Task<SeededRecipient> RecipientAsync(Guid campaignId, string zoneKey = "America/New_York") =>
        (await RecipientsAsync(campaignId, 1, zoneKey))[0];

    public Task BlacklistAsync(string phone) =>
        ExecuteAsync("INSERT INTO blacklist (phone_e164, source, reason) VALUES (@phone, 'stop_keyword', 'STOP')", ("phone", phone));

    public Task SetStatusAsync(long recipientId, string status) =>
        ExecuteAsync("UPDATE campaign_recipients SET status = @status WHERE id = @id", ("id", recipientId), ("status", status));

    public Task SetNextAttemptAsync(long recipientId, DateTimeOffset at) =>
        ExecuteAsync("UPDATE campaign_recipients SET next_attempt_at = @at WHERE id = @id", ("id", recipientId), ("at", at));

    /// <summary>A receipt as the webhook stores it when no message matches yet.</summary>
    public Task UnmatchedReceiptAsync(string providerMessageId, string? clientRef, string status, string? errorCode = null, decimal? price = null) =>
        ExecuteAsync(
            """
            INSERT INTO delivery_receipts (provider_message_id, client_ref, status, error_code, price, payload)
            VALUES (@id, @ref, @status, @error, @price, '{}')
            """,
            ("id", providerMessageId), ("ref", (object?)clientRef ?? DBNull.Value), ("status", status),
            ("error", (object?)errorCode ?? DBNull.Value), ("price", (object?)price ?? DBNull.Value));

    public async Task<RecipientState> ReadAsync(long recipientId)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT status, attempt, outcome, error_code, provider_message_id, segments, price, next_attempt_at, sent_at, finished_at
            FROM campaign_recipients WHERE id = @id
            """);
        command.Parameters.AddWithValue("id", recipientId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"recipient {recipientId} exists");
        return new RecipientState(
            reader.GetString(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetInt32(5),
            reader.IsDBNull(6) ? null : reader.GetDecimal(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9));
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}

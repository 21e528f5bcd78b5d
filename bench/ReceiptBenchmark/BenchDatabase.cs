using Npgsql;

namespace ReceiptBenchmark;

/// <summary>A throwaway database for one benchmark: created empty (the host migrates it), seeded with SQL, dropped.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly bool _keep;

    private BenchDatabase(string server, string connectionString, string name, bool keep)
    {
        _server = server;
        _keep = keep;
        ConnectionString = connectionString;
        Name = name;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string server, bool keep)
    {
        var name = "mc_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        return new BenchDatabase(server, connectionString, name, keep);
    }

    /// <summary>One campaign with <paramref name="count"/> recipients, each with an accepted one-part SMS, as the send path leaves them.</summary>
    public async Task<IReadOnlyList<SentSms>> SeedSentSmsAsync(int count)
    {
        var campaign = Guid.NewGuid();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using (var seed = new NpgsqlCommand("""
            CREATE SEQUENCE IF NOT EXISTS bench_phone START 10000000;
            INSERT INTO campaigns (id, name, type, status, sms_template, sender, calling_window)
            VALUES (@campaign, 'Receipt benchmark', 'sms', 'completed', 'Hello', 'Bench', '{}');
            WITH contact AS (
                INSERT INTO contacts (phone_e164)
                SELECT '+4474' || lpad((nextval('bench_phone'))::text, 8, '0') FROM generate_series(1, @count)
                RETURNING id, phone_e164),
            recipient AS (
                INSERT INTO campaign_recipients (campaign_id, contact_id, phone_e164, zone_key, status, attempt, sent_at)
                SELECT @campaign, id, phone_e164, 'UTC', 'sent', 1, now() FROM contact
                RETURNING id, phone_e164),
            message AS (
                INSERT INTO sms_messages (campaign_id, recipient_id, client_ref, to_phone, sender, body, encoding, segments, status)
                SELECT @campaign, id, id || '-1', phone_e164, 'Bench', 'Hello', 'gsm7', 1, 'accepted' FROM recipient
                RETURNING id)
            INSERT INTO sms_message_parts (provider_message_id, sms_message_id, part_index)
            SELECT 'BENCH' || lpad(id::text, 12, '0'), id, 1 FROM message;
            """, connection))
        {
            seed.Parameters.AddWithValue("campaign", campaign);
            seed.Parameters.AddWithValue("count", count);
            await seed.ExecuteNonQueryAsync();
        }

        // Measure steady state, not the autovacuum and analyze that a fresh bulk load would set off mid-run.
        await using (var vacuum = new NpgsqlCommand(
            "VACUUM (ANALYZE) contacts, campaign_recipients, sms_messages, sms_message_parts, delivery_receipts", connection))
        {
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand("""
            SELECT p.provider_message_id, m.client_ref, m.to_phone
            FROM sms_messages m JOIN sms_message_parts p ON p.sms_message_id = m.id
            WHERE m.campaign_id = @campaign
            """, connection);
        read.Parameters.AddWithValue("campaign", campaign);
        var sent = new List<SentSms>(count);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sent.Add(new SentSms(campaign, reader.GetString(0), reader.GetString(1), reader.GetString(2)[1..]));
        }

        return sent;
    }

    /// <summary>
    /// Waits until the inbox is empty: the webhook answers once a receipt is in it, and the applier deletes it in the
    /// transaction that stores and applies it, so every receipt answered so far is then applied.
    /// </summary>
    public async Task WaitUntilAppliedAsync(TimeSpan timeout)
    {
        await using var command = DataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM receipt_inbox)");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((bool)(await command.ExecuteScalarAsync())!)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Receipts were still waiting in the inbox {timeout.TotalSeconds:F0} s after the last answer.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Receipts stored for the campaign's parts, and its recipients now delivered.</summary>
    public async Task<(long Stored, long Delivered)> CountAsync(Guid campaign)
    {
        await using var command = DataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM delivery_receipts d
                    JOIN sms_message_parts p ON p.provider_message_id = d.provider_message_id
                    JOIN sms_messages m ON m.id = p.sms_message_id
                    WHERE m.campaign_id = @campaign),
                   (SELECT count(*) FROM campaign_recipients WHERE campaign_id = @campaign AND status = 'delivered')
            """);
        command.Parameters.AddWithValue("campaign", campaign);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_keep)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

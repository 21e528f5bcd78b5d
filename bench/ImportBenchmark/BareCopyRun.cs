using System.Diagnostics;
using MassCampaign.Data.Contacts;
using MassCampaign.Testing;
using Npgsql;
using NpgsqlTypes;

namespace ImportBenchmark;

/// <summary>
/// The import's own limit: the valid rows of the same input, normalised before the clock starts, written by binary
/// COPY into the contacts and campaign_recipients of a fresh database, with the same keys, indexes and triggers, in
/// one transaction on one connection. Timed from the first COPY to commit.
/// </summary>
/// <remarks>
/// Straight into the final tables, not through the import's staging table: staging is there for the upsert, to merge
/// rows into contacts that may already exist, and a fresh database has none, so the end state is the same. The unique
/// keys and foreign keys are still checked row by row.
/// </remarks>
public static class BareCopyRun
{
    private const string InsertCampaignSql = """
        INSERT INTO campaigns (id, name, type, sms_template, sender, calling_window)
        VALUES (@id, 'Import benchmark (bare COPY)', 'sms', 'Hi {{first_name|there}}, reply STOP to opt out.', 'Bench',
                jsonb_build_object('timeZone', @zone::text))
        """;

    // COPY writes the identity values it is given (as INSERT ... OVERRIDING SYSTEM VALUE would), so each recipient
    // can name its contact without reading ids back.
    private const string CopyContactsSql = """
        COPY contacts (id, phone_e164, first_name, last_name, time_zone, attributes) FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyRecipientsSql = """
        COPY campaign_recipients (campaign_id, contact_id, phone_e164, zone_key) FROM STDIN (FORMAT BINARY)
        """;

    // Leaves the identity where the import's nextval calls leave it, so the next contact inserted gets a free id.
    private const string AdvanceContactIdsSql = "SELECT setval(pg_get_serial_sequence('contacts', 'id'), @last)";

    public static async Task<BareCopyResult> RunAsync(BenchmarkOptions options, int rows)
    {
        await using var database = new BenchmarkDatabase(options.PostgresServer);
        database.Migrate();
        var contacts = NormalizedContacts.Generate(rows, ImportRun.CampaignZone);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var campaign = await CreateCampaignAsync(connection);
        var backends = new DatabaseBackendCpu(options.PostgresServer, database.Name);
        var postgresCpu = await backends.SnapshotAsync();
        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            CopyContacts(connection, contacts);
            CopyRecipients(connection, campaign, contacts);
            await using var advance = new NpgsqlCommand(AdvanceContactIdsSql, connection, transaction);
            advance.Parameters.AddWithValue("last", (long)contacts.Length);
            await advance.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        clock.Stop();
        return new BareCopyResult(
            rows,
            contacts.Length,
            clock.Elapsed,
            DatabaseBackendCpu.Between(postgresCpu, await backends.SnapshotAsync()) ?? TimeSpan.Zero,
            await EndState.ReadAsync(database.ConnectionString, campaign));
    }

    private static async Task<Guid> CreateCampaignAsync(NpgsqlConnection connection)
    {
        var id = Guid.NewGuid();
        await using var insert = new NpgsqlCommand(InsertCampaignSql, connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("zone", ImportRun.CampaignZone);
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    // Synchronous writes: the client's share of the work is to be as small as it can be.
    private static void CopyContacts(NpgsqlConnection connection, ContactImportRow[] contacts)
    {
        using var importer = connection.BeginBinaryImport(CopyContactsSql);
        for (var i = 0; i < contacts.Length; i++)
        {
            var contact = contacts[i];
            importer.StartRow();
            importer.Write(ContactIdOf(i), NpgsqlDbType.Bigint);
            importer.Write(contact.PhoneE164, NpgsqlDbType.Text);
            WriteNullable(importer, contact.FirstName, NpgsqlDbType.Text);
            WriteNullable(importer, contact.LastName, NpgsqlDbType.Text);
            WriteNullable(importer, contact.TimeZone, NpgsqlDbType.Text);
            importer.Write(contact.AttributesJson ?? "{}", NpgsqlDbType.Jsonb);
        }

        importer.Complete();
    }

    private static void CopyRecipients(NpgsqlConnection connection, Guid campaign, ContactImportRow[] contacts)
    {
        using var importer = connection.BeginBinaryImport(CopyRecipientsSql);
        for (var i = 0; i < contacts.Length; i++)
        {
            importer.StartRow();
            importer.Write(campaign, NpgsqlDbType.Uuid);
            importer.Write(ContactIdOf(i), NpgsqlDbType.Bigint);
            importer.Write(contacts[i].PhoneE164, NpgsqlDbType.Text);
            importer.Write(contacts[i].ZoneKey, NpgsqlDbType.Text);
        }

        importer.Complete();
    }

    private static long ContactIdOf(int index) => index + 1L;

    private static void WriteNullable(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }
}

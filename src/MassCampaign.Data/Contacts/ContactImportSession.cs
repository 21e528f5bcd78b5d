using MassCampaign.Data.Sending;
using Npgsql;
using NpgsqlTypes;

namespace MassCampaign.Data.Contacts;

/// <summary>
/// One connection of an import into one campaign. Each chunk is written in a transaction of its own: copied (binary
/// COPY) into a temporary staging table, upserted into contacts and added to the campaign's recipients with two
/// set-based statements. Short transactions keep row locks brief, so concurrent imports sharing numbers do not
/// hold each other up for long; an import runs several sessions side by side.
/// </summary>
/// <remarks>
/// An existing contact keeps what the import leaves empty: a non-empty name or time zone replaces the stored one,
/// attributes are merged key by key (imported keys win). A recipient whose contact has a stored zone of its own
/// gets that zone even when the imported row had none.
/// </remarks>
public sealed class ContactImportSession : IAsyncDisposable
{
    internal const string CreateStagingSql = """
        CREATE TEMP TABLE IF NOT EXISTS contact_import_staging (
            phone_e164  text NOT NULL,
            first_name  text,
            last_name   text,
            time_zone   text,
            attributes  jsonb,
            zone_key    text NOT NULL
        ) ON COMMIT DELETE ROWS
        """;

    private const string CopySql = """
        COPY contact_import_staging (phone_e164, first_name, last_name, time_zone, attributes, zone_key)
        FROM STDIN (FORMAT BINARY)
        """;

    // Sorted so that concurrent imports sharing numbers lock contacts in the same order and cannot deadlock.
    // The WHERE clause spares unchanged contacts a new row version on re-imports.
    private const string UpsertContactsSql = """
        INSERT INTO contacts AS c (phone_e164, first_name, last_name, time_zone, attributes, created_at, updated_at)
        SELECT phone_e164, first_name, last_name, time_zone, COALESCE(attributes, '{}'::jsonb), @now, @now
        FROM contact_import_staging
        ORDER BY phone_e164
        ON CONFLICT (phone_e164) DO UPDATE SET
            first_name = COALESCE(EXCLUDED.first_name, c.first_name),
            last_name  = COALESCE(EXCLUDED.last_name, c.last_name),
            time_zone  = COALESCE(EXCLUDED.time_zone, c.time_zone),
            attributes = c.attributes || EXCLUDED.attributes,
            updated_at = EXCLUDED.updated_at
        WHERE (c.first_name, c.last_name, c.time_zone, c.attributes)
              IS DISTINCT FROM (COALESCE(EXCLUDED.first_name, c.first_name), COALESCE(EXCLUDED.last_name, c.last_name),
                                COALESCE(EXCLUDED.time_zone, c.time_zone), c.attributes || EXCLUDED.attributes)
        """;

    // In contact order too, for the same reason as above.
    private const string AddRecipientsSql = """
        INSERT INTO campaign_recipients (campaign_id, contact_id, phone_e164, zone_key, updated_at)
        SELECT @campaign_id, c.id, s.phone_e164, COALESCE(s.time_zone, c.time_zone, s.zone_key), @now
        FROM contact_import_staging s
        JOIN contacts c ON c.phone_e164 = s.phone_e164
        ORDER BY c.id
        ON CONFLICT (campaign_id, contact_id) DO NOTHING
        """;

    /// <summary>Takes the campaign row's lock until the chunk commits, so completion waits for it or refuses it.</summary>
    private const string ClaimCampaignSql = """
        UPDATE campaigns SET recipient_generation = recipient_generation + 1
        WHERE id = @campaign_id AND status NOT IN ('completed', 'stopped', 'failed')
        """;

    private readonly NpgsqlConnection connection;
    private readonly Guid campaignId;
    private readonly TimeProvider time;

    internal ContactImportSession(NpgsqlConnection connection, Guid campaignId, TimeProvider time)
    {
        this.connection = connection;
        this.campaignId = campaignId;
        this.time = time;
    }

    /// <summary>Writes and commits one chunk of rows with distinct numbers.</summary>
    /// <returns>How many of them became new recipients of the campaign; the others already were.</returns>
    public async Task<int> WriteAsync(IReadOnlyList<ContactImportRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var claim = new NpgsqlCommand(ClaimCampaignSql, connection, transaction))
        {
            claim.Parameters.AddWithValue("campaign_id", campaignId);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new CampaignFinishedException(campaignId);
            }
        }

        await CopyAsync(rows, cancellationToken);

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(UpsertContactsSql, new NpgsqlParameter("now", now)));
        batch.BatchCommands.Add(Command(AddRecipientsSql,
            new NpgsqlParameter("campaign_id", campaignId), new NpgsqlParameter("now", now)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return checked((int)batch.BatchCommands[1].RecordsAffected);
    }

    /// <summary>
    /// Samples the recipients table afresh. Autovacuum analyzes only after a tenth of a table has changed, and in its
    /// own time; a campaign started straight after a large import was otherwise claimed on statistics that knew
    /// none of its pending rows, and the planner then read every pending row of the campaign for each claim.
    /// </summary>
    public async Task RefreshStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var analyze = new NpgsqlCommand("ANALYZE campaign_recipients", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// New recipients of a campaign already sending may have ids below where its claims got to (ids are handed out
    /// before rows commit, and the import's writers commit in their own time): its claim cursors are rewound to them.
    /// </summary>
    public Task RewindClaimCursorsAsync(CancellationToken cancellationToken) =>
        SendPathRepository.RewindClaimCursorsAsync(connection, campaignId, cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private async Task CopyAsync(IReadOnlyList<ContactImportRow> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.PhoneE164, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, row.FirstName, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, row.LastName, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, row.TimeZone, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, row.AttributesJson, NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(row.ZoneKey, NpgsqlDbType.Text, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}

using MassCampaign.Data.Sending;
using MassCampaign.Domain.Recipients;
using Npgsql;

namespace MassCampaign.EndToEnd.Tests.Support;

/// <summary>Reads campaign_recipients straight from PostgreSQL: the system of record the assertions check.</summary>
public sealed class RecipientLedger(NpgsqlDataSource database)
{
    /// <summary>Where nothing more will happen to a recipient unless an operator acts.</summary>
    public static IReadOnlySet<string> TerminalStatuses { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RecipientStatuses.Sent, RecipientStatuses.Delivered, RecipientStatuses.Failed, RecipientStatuses.SkippedBlacklisted,
        RecipientStatuses.SkippedInvalid, RecipientStatuses.Unknown, RecipientStatuses.Cancelled, RecipientStatuses.Expired,
        RecipientStatuses.Rejected,
    };

    public Task<IReadOnlyList<RecipientRow>> AllAsync(Guid campaign) =>
        QueryAsync("SELECT id, phone_e164, status, attempt FROM campaign_recipients WHERE campaign_id = $1", campaign, null);

    public Task<IReadOnlyList<RecipientRow>> InStatusAsync(Guid campaign, string status) =>
        QueryAsync("SELECT id, phone_e164, status, attempt FROM campaign_recipients WHERE campaign_id = $1 AND status = $2", campaign, status);

    /// <summary>The campaign's recipients left 'sending', by where they stand against their batch's handover mark.</summary>
    public async Task<CutOffSends> CutOffAsync(Guid campaign)
    {
        const string sql = """
            SELECT (SELECT count(*) FROM campaign_recipients WHERE campaign_id = $1 AND status = 'sending'),
                   (SELECT count(*) FROM send_batches WHERE campaign_id = $1),
                   count(*) FILTER (WHERE m.position > b.handed_through),
                   count(*) FILTER (WHERE m.position <= b.handed_through)
            FROM send_batches b
            CROSS JOIN LATERAL unnest(b.recipient_ids) WITH ORDINALITY AS m(id, position)
            JOIN campaign_recipients r ON r.id = m.id AND r.status = 'sending'
            WHERE b.campaign_id = $1
            """;
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = campaign });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new CutOffSends((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3));
    }

    /// <summary>
    /// Polls until every recipient of the campaign is in <paramref name="status"/> (receipts arrive after the
    /// campaign completes), or the time is up; returns the recipients as last read either way.
    /// </summary>
    public async Task<IReadOnlyList<RecipientRow>> WaitUntilAllAsync(Guid campaign, string status, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var recipients = await AllAsync(campaign);
            if (recipients.All(r => r.Status == status) || TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                return recipients;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// For an assertion message: what the database knows of each recipient, its messages and the receipts that name it,
    /// one line per recipient.
    /// </summary>
    public async Task<string> ExplainAsync(IEnumerable<long> ids)
    {
        const string sql = """
            SELECT r.id, r.status, r.attempt, r.outcome, r.resolve_by, r.updated_at,
                   (SELECT string_agg(m.client_ref || ' ' || m.status, ', ') FROM sms_messages m WHERE m.recipient_id = r.id),
                   (SELECT string_agg(d.client_ref || ' ' || d.status || CASE WHEN d.matched THEN ' matched' ELSE ' unmatched' END
                                      || ' at ' || d.received_at::text || ' tries ' || d.reapply_attempts, ', ')
                    FROM delivery_receipts d WHERE d.client_ref LIKE r.id::text || '-%')
            FROM campaign_recipients r WHERE r.id = ANY($1) ORDER BY r.id
            """;
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "-" : reader.GetValue(i).ToString())));
        }

        return string.Join("\n", lines);
    }

    public async Task<IReadOnlyList<RecipientRow>> ByIdAsync(IReadOnlyCollection<long> ids)
    {
        await using var command = database.CreateCommand("SELECT id, phone_e164, status, attempt FROM campaign_recipients WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        return await ReadAsync(command);
    }

    private async Task<IReadOnlyList<RecipientRow>> QueryAsync(string sql, Guid campaign, string? status)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = campaign });
        if (status is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = status });
        }

        return await ReadAsync(command);
    }

    private static async Task<IReadOnlyList<RecipientRow>> ReadAsync(NpgsqlCommand command)
    {
        var rows = new List<RecipientRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new RecipientRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return rows;
    }
}

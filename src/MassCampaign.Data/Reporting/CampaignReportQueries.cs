using MassCampaign.Domain.Recipients;
using System.Runtime.CompilerServices;
using MassCampaign.Data.Sending;
using Npgsql;
using NpgsqlTypes;

namespace MassCampaign.Data.Reporting;

/// <summary>Reads a campaign's report and its recipients' outcomes, as a page or as a stream of any length.</summary>
public sealed class CampaignReportQueries(NpgsqlDataSource dataSource)
{
    /// <returns>Null when no campaign has this id.</returns>
    public async Task<CampaignReport?> GetReportAsync(Guid campaignId, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(ForCampaign(ReportingSql.Report, campaignId));
        batch.BatchCommands.Add(ForCampaign(SendPathSql.CountByStatus, campaignId));
        await using var reader = await batch.ExecuteReaderAsync(ct);

        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var name = reader.GetString(0);
        var type = reader.GetString(1);
        var status = reader.GetString(2);
        var segments = reader.GetInt64(3);
        var cost = reader.GetDecimal(4);
        DateTime? firstSentAt = reader.IsDBNull(5) ? null : reader.GetDateTime(5);
        DateTime? lastSentAt = reader.IsDBNull(6) ? null : reader.GetDateTime(6);
        var replies = reader.GetInt64(7);
        var optOuts = reader.GetInt64(8);

        await reader.NextResultAsync(ct);
        var totals = await RecipientTallyReader.ReadAsync(reader, ct);
        return new CampaignReport(
            campaignId, name, type, status, totals, DeliveryRate(totals), replies, optOuts, segments, cost, firstSentAt, lastSentAt);
    }

    /// <param name="statuses">Stored statuses to keep (see <see cref="RecipientStatusFilter"/>); null for all.</param>
    /// <returns>Null when no campaign has this id.</returns>
    public async Task<RecipientPage?> GetRecipientPageAsync(
        Guid campaignId, IReadOnlyList<string>? statuses, int page, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(ForCampaign(ReportingSql.CampaignExists, campaignId));
        batch.BatchCommands.Add(Filtered(ReportingSql.CountRecipients, campaignId, statuses));
        var rows = Filtered(ReportingSql.Recipients, campaignId, statuses);
        rows.Parameters.AddWithValue("offset", (long)(page - 1) * pageSize);
        rows.Parameters.AddWithValue("limit", NpgsqlDbType.Bigint, pageSize);
        batch.BatchCommands.Add(rows);
        await using var reader = await batch.ExecuteReaderAsync(ct);

        await reader.ReadAsync(ct);
        if (!reader.GetBoolean(0))
        {
            return null;
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt64(0);

        await reader.NextResultAsync(ct);
        var items = new List<RecipientOutcome>(pageSize);
        while (await reader.ReadAsync(ct))
        {
            items.Add(ReadOutcome(reader));
        }

        return new RecipientPage(campaignId, page, pageSize, total, items);
    }

    public async Task<bool> CampaignExistsAsync(Guid campaignId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ReportingSql.CampaignExists);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Every matching recipient in id order, yielded as PostgreSQL sends the rows: memory stays flat for a
    /// campaign of millions, and a slow reader slows the query instead of filling a buffer.
    /// </summary>
    public async IAsyncEnumerable<RecipientOutcome> StreamRecipientsAsync(
        Guid campaignId, IReadOnlyList<string>? statuses, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(ReportingSql.Recipients, connection)
        {
            // A download of millions of rows to a slow client may take longer than any statement timeout.
            CommandTimeout = 0,
        };
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.Add(StatusesParameter(statuses));
        command.Parameters.AddWithValue("offset", 0L);
        command.Parameters.AddWithValue("limit", NpgsqlDbType.Bigint, DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return ReadOutcome(reader);
        }
    }

    private static double? DeliveryRate(RecipientTally totals)
    {
        var answered = totals.Sent + totals.Delivered + totals.Failed;
        return answered == 0 ? null : Math.Round((double)totals.Delivered / answered, 4);
    }

    private static RecipientOutcome ReadOutcome(NpgsqlDataReader reader) => new(
        Phone: reader.GetString(0),
        FirstName: reader.IsDBNull(1) ? null : reader.GetString(1),
        LastName: reader.IsDBNull(2) ? null : reader.GetString(2),
        Status: reader.GetString(3),
        Attempt: reader.GetInt32(4),
        Outcome: reader.IsDBNull(5) ? null : reader.GetString(5),
        ErrorCode: reader.IsDBNull(6) ? null : reader.GetString(6),
        ProviderMessageId: reader.IsDBNull(7) ? null : reader.GetString(7),
        Segments: reader.IsDBNull(8) ? null : reader.GetInt32(8),
        Price: reader.IsDBNull(9) ? null : reader.GetDecimal(9),
        SentAt: reader.IsDBNull(10) ? null : reader.GetDateTime(10),
        FinishedAt: reader.IsDBNull(11) ? null : reader.GetDateTime(11));

    private static NpgsqlBatchCommand ForCampaign(string sql, Guid campaignId)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        return command;
    }

    private static NpgsqlBatchCommand Filtered(string sql, Guid campaignId, IReadOnlyList<string>? statuses)
    {
        var command = ForCampaign(sql, campaignId);
        command.Parameters.Add(StatusesParameter(statuses));
        return command;
    }

    private static NpgsqlParameter StatusesParameter(IReadOnlyList<string>? statuses) =>
        new("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = statuses is null ? DBNull.Value : statuses.ToArray() };
}

using MassCampaign.Data.Sending;
using Dapper;
using MassCampaign.Domain.Recipients;
using MassCampaign.Domain.Campaigns;
using Npgsql;

namespace MassCampaign.Data.Campaigns;

/// <summary>Reads and writes the campaigns table; draft-only changes are checked under a row lock.</summary>
public sealed class CampaignRepository(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO campaigns (id, name, type, status, sms_template, voice_script, sender, calling_window, settings,
                               created_at, updated_at)
        VALUES (@Id, @Name, @Type, @Status, @SmsTemplate, @VoiceScript, @Sender, @CallingWindow::jsonb, @Settings::jsonb,
                @CreatedAt, @UpdatedAt)
        """;

    private const string FindSql = $"SELECT {CampaignRow.Columns} FROM campaigns WHERE id = @id";

    private const string LockStatusSql = "SELECT status FROM campaigns WHERE id = @id FOR UPDATE";

    private const string ReplaceSql = $"""
        UPDATE campaigns
        SET name = @Name, type = @Type, sms_template = @SmsTemplate, voice_script = @VoiceScript, sender = @Sender,
            calling_window = @CallingWindow::jsonb, settings = @Settings::jsonb, updated_at = @UpdatedAt
        WHERE id = @Id
        RETURNING {CampaignRow.Columns}
        """;

    private const string DeleteSql = "DELETE FROM campaigns WHERE id = @id";

    // Both filters optional: a null parameter matches every row. The (status, type, created_at) index serves both.
    private const string Filter = "(@status::text IS NULL OR status = @status) AND (@type::text IS NULL OR type = @type)";

    private const string PageIdsSql = $"SELECT id FROM campaigns WHERE {Filter} ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset";

    private const string ListSql = $"""
        SELECT {CampaignRow.Columns} FROM campaigns
        WHERE {Filter}
        ORDER BY created_at DESC, id
        LIMIT @limit OFFSET @offset
        """;

    private const string CountSql = $"SELECT count(*) FROM campaigns WHERE {Filter}";

    // The counters the recipient triggers keep (migration 0016): constant work per campaign, not a count of its recipients.
    private const string RecipientCountsSql = $"""
        SELECT campaign_id AS CampaignId, status AS Status, sum(recipients)::bigint AS Count, sum(unresolved)::bigint AS Unresolved
        FROM ({RecipientCountSql.CountsOfAny}) AS counts
        GROUP BY campaign_id, status
        HAVING sum(recipients) <> 0
        """;

    // The page, its total and its counters in one round trip: the counters' ids come from the same page query.
    private static readonly string PageSql = $"""
        {ListSql};
        {CountSql};
        WITH page_ids AS MATERIALIZED ({PageIdsSql})
        {RecipientCountsSql.Replace("@ids", "ARRAY(SELECT id FROM page_ids)", StringComparison.Ordinal)}
        """;

    public async Task InsertAsync(CampaignRecord campaign, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, Parameters(campaign), cancellationToken: cancellationToken));
    }

    public async Task<CampaignRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CampaignRow>(
            new CommandDefinition(FindSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<CampaignPage> ListAsync(CampaignListQuery query, CancellationToken cancellationToken)
    {
        var filter = new
        {
            status = query.Status is { } status ? CampaignStatusNames.ToWire(status) : null,
            type = query.Type is { } type ? CampaignTypeNames.ToWire(type) : null,
            limit = query.PageSize,
            offset = (long)(query.Page - 1) * query.PageSize,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(PageSql, filter, cancellationToken: cancellationToken));
        var rows = await results.ReadAsync<CampaignRow>();
        var total = await results.ReadSingleAsync<long>();
        var counts = await results.ReadAsync<CountRow>();
        return new CampaignPage(rows.Select(row => row.ToRecord()).ToList(), total, Tallies(counts));
    }

    /// <summary>Replaces every operator-given field of a draft; id, status and created_at stay.</summary>
    public Task<DraftChange> ReplaceDraftAsync(CampaignRecord campaign, CancellationToken cancellationToken) =>
        ChangeDraftAsync(campaign.Id, async (connection, transaction) =>
        {
            var row = await connection.QuerySingleAsync<CampaignRow>(
                new CommandDefinition(ReplaceSql, Parameters(campaign), transaction, cancellationToken: cancellationToken));
            return row.ToRecord();
        }, cancellationToken);

    /// <summary>Deletes a draft and, by cascade, its recipients.</summary>
    public Task<DraftChange> DeleteDraftAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeDraftAsync(id, async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { id }, transaction, cancellationToken: cancellationToken));
            return null;
        }, cancellationToken);

    /// <summary>Recipient counts by status for each of the campaigns, in one grouped query over the status index.</summary>
    public async Task<IReadOnlyDictionary<Guid, RecipientTally>> RecipientCountsAsync(
        IReadOnlyCollection<Guid> campaignIds, CancellationToken cancellationToken)
    {
        if (campaignIds.Count == 0)
        {
            return new Dictionary<Guid, RecipientTally>();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CountRow>(
            new CommandDefinition(RecipientCountsSql, new { ids = campaignIds.ToArray() }, cancellationToken: cancellationToken));
        return Tallies(rows);
    }

    private static Dictionary<Guid, RecipientTally> Tallies(IEnumerable<CountRow> rows) => rows
        .GroupBy(row => row.CampaignId)
        .ToDictionary(group => group.Key, group => RecipientTally.FromStatusCounts(
            group.ToDictionary(row => row.Status, row => row.Count),
            group.Where(row => row.Status == RecipientStatuses.Unknown).Sum(row => row.Unresolved)));

    private sealed record CountRow(Guid CampaignId, string Status, long Count, long Unresolved);

    private async Task<DraftChange> ChangeDraftAsync(
        Guid id, Func<NpgsqlConnection, NpgsqlTransaction, Task<CampaignRecord?>> change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var status = await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(LockStatusSql, new { id }, transaction, cancellationToken: cancellationToken));
        if (status is null)
        {
            return DraftChange.NotFound;
        }

        var current = CampaignStatusNames.TryParse(status, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Campaign {id} has status '{status}', which this version does not know.");
        if (current != CampaignStatus.Draft)
        {
            return DraftChange.NotDraft(current);
        }

        var campaign = await change(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return DraftChange.Done(campaign);
    }

    private static object Parameters(CampaignRecord campaign) => new
    {
        campaign.Id,
        campaign.Name,
        Type = CampaignTypeNames.ToWire(campaign.Type),
        Status = CampaignStatusNames.ToWire(campaign.Status),
        campaign.SmsTemplate,
        campaign.VoiceScript,
        campaign.Sender,
        CallingWindow = campaign.CallingWindowJson,
        Settings = campaign.Settings.ToJson(),
        campaign.CreatedAt,
        campaign.UpdatedAt,
    };
}

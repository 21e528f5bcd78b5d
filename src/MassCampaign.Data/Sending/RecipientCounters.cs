using MassCampaign.Domain.Recipients;
using Npgsql;

namespace MassCampaign.Data.Sending;

/// <summary>The recipient counters' upkeep and audit: folding deltas into the counts, and recounting a campaign from its rows.</summary>
public sealed class RecipientCounters(NpgsqlDataSource dataSource)
{
    /// <returns>How many deltas were folded in; fewer than <paramref name="limit"/> means none were left.</returns>
    public async Task<long> CompactAsync(int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(RecipientCountSql.Compact);
        command.Parameters.AddWithValue("limit", limit);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The counters' answer, as status, list and report read it.</summary>
    public Task<RecipientTally> CountedAsync(Guid campaignId, CancellationToken ct) => ReadAsync(SendPathSql.CountByStatus, campaignId, ct);

    /// <summary>What the counters must equal: every recipient row counted.</summary>
    public Task<RecipientTally> RecountAsync(Guid campaignId, CancellationToken ct) => ReadAsync(RecipientCountSql.Recount, campaignId, ct);

    private async Task<RecipientTally> ReadAsync(string sql, Guid campaignId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await RecipientTallyReader.ReadAsync(reader, ct);
    }
}

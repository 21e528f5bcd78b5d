using MassCampaign.Domain.Recipients;
using Npgsql;

namespace MassCampaign.Data.Sending;

/// <summary>
/// <see cref="ISendPathRepository"/> on Npgsql: every method is one statement, or one transaction of set-based
/// statements sent together, whatever the batch size.
/// </summary>
public sealed class SendPathRepository(NpgsqlDataSource dataSource, TimeProvider time) : ISendPathRepository
{
    private readonly OutcomeWriter _outcomes = new(dataSource, time);

    public async Task<IReadOnlyList<string>> PendingZoneKeysAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SendPathSql.PendingZoneKeys);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public Task<IReadOnlyList<ClaimedRecipient>> ClaimBatchAsync(
        Guid campaignId, IReadOnlyCollection<string> openZoneKeys, int limit, DateTimeOffset now, CancellationToken ct) =>
        ClaimAsync(campaignId, openZoneKeys, limit, now, followUp: false, ct);

    public Task<IReadOnlyList<ClaimedRecipient>> ClaimFollowUpsAsync(
        Guid campaignId, IReadOnlyCollection<string> openZoneKeys, int limit, DateTimeOffset now, CancellationToken ct) =>
        ClaimAsync(campaignId, openZoneKeys, limit, now, followUp: true, ct);

    private async Task<IReadOnlyList<ClaimedRecipient>> ClaimAsync(
        Guid campaignId, IReadOnlyCollection<string> openZoneKeys, int limit, DateTimeOffset now, bool followUp, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0 || openZoneKeys.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var claim = new NpgsqlBatchCommand(SendPathSql.Claim);
        claim.Parameters.AddWithValue("campaign_id", campaignId);
        claim.Parameters.AddWithValue("open_zone_keys", openZoneKeys.ToArray());
        claim.Parameters.AddWithValue("limit", limit);
        claim.Parameters.AddWithValue("now", now.ToUniversalTime());
        var batchId = Guid.NewGuid();
        claim.Parameters.AddWithValue("batch_id", batchId);
        claim.Parameters.AddWithValue("follow_up", followUp);
        var serialize = new NpgsqlBatchCommand(SendPathSql.SerializeClaims);
        serialize.Parameters.AddWithValue("campaign_id", campaignId);

        var claimed = new List<ClaimedRecipient>(limit);
        var skipped = 0;
        await using (var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { serialize, claim } })
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (!reader.GetBoolean(9))
                {
                    skipped++;
                    continue;
                }

                claimed.Add(ReadClaimed(reader) with { BatchId = batchId, Position = claimed.Count + 1 });
            }
        }

        await transaction.CommitAsync(ct);
        SendOutcomeMetrics.RecordClaim(claimed.Count, skipped);
        return claimed;
    }

    public async Task<bool> MarkHandedAsync(Guid batchId, int handedThrough, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(HandoverSql.MarkHanded);
        command.Parameters.AddWithValue("batch_id", batchId);
        command.Parameters.AddWithValue("handed_through", handedThrough);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public Task RecordOutcomesAsync(IReadOnlyList<SendOutcome> outcomes, BatchSettlement settlement, CancellationToken ct) =>
        _outcomes.RecordAsync(outcomes, settlement, ct);

    public async Task<InterruptedSends> RecoverInterruptedAsync(Guid campaignId, TimeSpan unknownResolveAfter, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var release = new NpgsqlBatchCommand(HandoverSql.ReleaseUnsent) { Parameters = { new("campaign_id", campaignId), new("now", now) } };
        var unknown = new NpgsqlBatchCommand(HandoverSql.MarkInterruptedAsUnknown)
        {
            Parameters = { new("campaign_id", campaignId), new("now", now), new("resolve_by", now + unknownResolveAfter) },
        };
        await using (var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { release, unknown } })
        {
            await batch.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new InterruptedSends(release.RecordsAffected, unknown.RecordsAffected);
    }

    public async Task<int> ResolveUnknownsAsync(Guid campaignId, bool resend, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(HandoverSql.ResolveUnknowns);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.AddWithValue("resend", resend);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(ct);
    }

    public Task<DateTimeOffset?> NextUnknownDeadlineAsync(Guid campaignId, CancellationToken ct) =>
        EarliestAsync(HandoverSql.NextUnknownDeadline, campaignId, time.GetUtcNow(), ct);

    public Task<int> CancelRemainingAsync(Guid campaignId, CancellationToken ct) =>
        ExecuteForCampaignAsync(SendPathSql.CancelRemaining, campaignId, ct);

    public async Task RewindClaimCursorsAsync(Guid campaignId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await RewindClaimCursorsAsync(connection, campaignId, ct);
    }

    /// <summary>On a connection of the caller's, in a transaction of its own that waits for a claim in flight.</summary>
    public static async Task RewindClaimCursorsAsync(NpgsqlConnection connection, Guid campaignId, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(SendPathSql.SerializeClaims) { Parameters = { new("campaign_id", campaignId) } },
                new NpgsqlBatchCommand(SendPathSql.RewindClaimCursors) { Parameters = { new("campaign_id", campaignId) } },
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<RecipientTally> GetProgressAsync(Guid campaignId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SendPathSql.CountByStatus);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await RecipientTallyReader.ReadAsync(reader, ct);
    }

    public Task<DateTimeOffset?> NextRetryDueAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct) =>
        EarliestAsync(SendPathSql.NextRetryDue, campaignId, now, ct);

    private static ClaimedRecipient ReadClaimed(NpgsqlDataReader reader) => new(
        RecipientId: reader.GetInt64(0),
        ContactId: reader.GetInt64(1),
        PhoneE164: reader.GetString(2),
        Attempt: reader.GetInt32(3),
        ZoneKey: reader.GetString(4),
        FirstName: reader.IsDBNull(5) ? null : reader.GetString(5),
        LastName: reader.IsDBNull(6) ? null : reader.GetString(6),
        TimeZone: reader.IsDBNull(7) ? null : reader.GetString(7),
        Attributes: ContactAttributes.Parse(reader.GetString(8)));

    /// <summary>A statement answering one nullable time for the campaign (a min() over an index).</summary>
    private async Task<DateTimeOffset?> EarliestAsync(string sql, Guid campaignId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await command.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    private async Task<int> ExecuteForCampaignAsync(string sql, Guid campaignId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(ct);
    }
}

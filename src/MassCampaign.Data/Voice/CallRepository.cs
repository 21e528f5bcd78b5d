using MassCampaign.Data.Sending;
using Npgsql;

namespace MassCampaign.Data.Voice;

/// <summary>
/// The voice channel's writes on the send side: a batch's dials recorded in one transaction (recipients through the
/// send path's own outcome statement, calls rows beside them), the campaign's calls in progress, and overdue calls.
/// </summary>
public sealed class CallRepository(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Recipients as the send path records them (a created call is 'sent' with its uuid), the calls that were or may
    /// have been created, and the batch's row dropped. Events that came first are applied by the caller afterwards.
    /// </summary>
    public async Task RecordDialsAsync(
        IReadOnlyList<SendOutcome> outcomes, IReadOnlyList<DialedCall> calls, BatchSettlement settlement, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var write = new NpgsqlBatch(connection, transaction);
        if (outcomes.Count > 0)
        {
            write.BatchCommands.Add(new OutcomeColumns(outcomes).UpdateRecipients(now, settlement));
        }

        if (calls.Count > 0)
        {
            write.BatchCommands.Add(InsertCalls(calls, now));
        }

        if (settlement is { BatchId: { } batchId, ClosesBatch: true })
        {
            write.BatchCommands.Add(new NpgsqlBatchCommand(OutcomeSql.DeleteBatch) { Parameters = { new("batch_id", batchId) } });
        }

        if (write.BatchCommands.Count > 0)
        {
            await write.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        SendOutcomeMetrics.RecordCalls(outcomes);
    }

    public async Task<CallsInProgress> InProgressAsync(Guid campaignId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CallSql.InProgress);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new CallsInProgress(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Calls not ended yet, of every campaign.</summary>
    public async Task<long> CountInProgressAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CallSql.InProgressEverywhere);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Up to <paramref name="limit"/> calls in progress past their deadline, soonest deadline first.</summary>
    public async Task<IReadOnlyList<OverdueCall>> OverdueAsync(
        Guid campaignId, DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CallSql.SelectOverdue);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var overdue = new List<OverdueCall>();
        while (await reader.ReadAsync(ct))
        {
            overdue.Add(new OverdueCall(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return overdue;
    }

    /// <summary>Ends ambiguous dials the provider has no call for, so the campaign's unknown policy may resend them safely.</summary>
    public async Task EndUnmadeAsync(IReadOnlyCollection<string> clientRefs, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CallSql.EndUnmade);
        command.Parameters.AddWithValue("client_refs", clientRefs.ToArray());
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Which of these call uuids already belong to a calls row: a provider's call that is not one is nobody's yet.</summary>
    public async Task<IReadOnlySet<string>> KnownUuidsAsync(IReadOnlyCollection<string> callUuids, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (callUuids.Count == 0)
        {
            return known;
        }

        await using var command = dataSource.CreateCommand(CallSql.SelectKnownUuids);
        command.Parameters.AddWithValue("call_uuids", callUuids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            known.Add(reader.GetString(0));
        }

        return known;
    }

    /// <summary>Calls the provider says are still alive get a new deadline.</summary>
    public async Task PostponeAsync(IReadOnlyCollection<string> clientRefs, DateTimeOffset resolveBy, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CallSql.PostponeOverdue);
        command.Parameters.AddWithValue("client_refs", clientRefs.ToArray());
        command.Parameters.AddWithValue("resolve_by", resolveBy.ToUniversalTime());
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand InsertCalls(IReadOnlyList<DialedCall> calls, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(CallSql.InsertCalls);
        var p = command.Parameters;
        p.AddWithValue("now", now);
        p.AddWithValue("campaign_ids", calls.Select(c => c.CampaignId).ToArray());
        p.AddWithValue("recipient_ids", calls.Select(c => c.RecipientId).ToArray());
        p.AddWithValue("client_refs", calls.Select(c => c.ClientRef).ToArray());
        p.AddWithValue("call_uuids", calls.Select(c => c.CallUuid).ToArray());
        p.AddWithValue("conversation_uuids", calls.Select(c => c.ConversationUuid).ToArray());
        p.AddWithValue("to_phones", calls.Select(c => c.PhoneE164).ToArray());
        p.AddWithValue("statuses", calls.Select(c => c.Status).ToArray());
        p.AddWithValue("error_codes", calls.Select(c => c.ErrorCode).ToArray());
        p.AddWithValue("resolve_bys", calls.Select(c => c.ResolveBy.UtcDateTime).ToArray());
        return command;
    }
}

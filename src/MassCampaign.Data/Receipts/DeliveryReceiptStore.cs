using Npgsql;
using NpgsqlTypes;

namespace MassCampaign.Data.Receipts;

/// <summary>
/// Stores delivery receipts in batches and folds them into sms_message_parts, sms_messages and
/// campaign_recipients in the same transaction. Idempotent: a receipt Vonage retries is stored once
/// (unique part + status) and applied once. A receipt for a message not recorded yet is kept unmatched and
/// applied later by <see cref="ReapplyUnmatchedAsync"/> or <see cref="ReapplyForClientRefsAsync"/>.
/// </summary>
public sealed class DeliveryReceiptStore(NpgsqlDataSource dataSource)
{
    private const int MaxAttempts = 5;

    /// <summary>Stores and applies one batch in one transaction; when it returns, every receipt in it is durable.</summary>
    /// <returns>How many of the new receipts matched a message or recipient (replays are not counted).</returns>
    public Task<int> StoreAsync(IReadOnlyList<ReceiptRecord> receipts, CancellationToken ct)
    {
        if (receipts.Count == 0)
        {
            return Task.FromResult(0);
        }

        return InTransactionAsync(async (connection, transaction) =>
        {
            var (ids, matched) = await InsertAsync(connection, transaction, receipts, ct);
            if (matched == ids.Length)
            {
                // The common case: every part is known and its message already locked, so one statement folds them.
                await ApplyAsync(connection, transaction, ids, [ReceiptSql.Fold], ct);
                return matched;
            }

            return matched + await ApplyAsync(connection, transaction, ids, ReceiptSql.Apply, ct);
        }, ct);
    }

    /// <summary>
    /// Re-applies unmatched receipts, and retires those that cannot match (past the cut-off, or out of tries): they
    /// stay stored but no later sweep reads them again.
    /// </summary>
    public Task<ReceiptSweepResult> ReapplyUnmatchedAsync(ReceiptSweep sweep, CancellationToken ct) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            await using var select = new NpgsqlCommand(ReceiptSql.SelectForSweep, connection, transaction);
            select.Parameters.AddWithValue("retire_after", sweep.RetireAfter);
            select.Parameters.AddWithValue("limit", sweep.Limit);
            var ids = await ReadIdsAsync(select, ct);
            var matched = await ApplyAsync(connection, transaction, ids, ReceiptSql.Apply, ct);

            await using var tries = new NpgsqlCommand(ReceiptSql.RecordSweepTries, connection, transaction);
            tries.Parameters.AddWithValue("receipts", ids);
            tries.Parameters.AddWithValue("retire_after", sweep.RetireAfter);
            tries.Parameters.AddWithValue("max_attempts", sweep.MaxAttempts);
            var retired = (int)(await tries.ExecuteScalarAsync(ct))!;
            return new ReceiptSweepResult(matched, retired);
        }, ct);

    /// <summary>
    /// For the send path, right after it records messages: applies receipts that arrived for them before they
    /// were written. Returns how many of them now matched.
    /// </summary>
    public Task<int> ReapplyForClientRefsAsync(IReadOnlyCollection<string> clientRefs, CancellationToken ct) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            await using var select = new NpgsqlCommand(ReceiptSql.SelectUnmatchedByClientRef, connection, transaction);
            select.Parameters.AddWithValue("refs", clientRefs.ToArray());
            return await ApplyAsync(connection, transaction, await ReadIdsAsync(select, ct), ReceiptSql.Apply, ct);
        }, ct);

    /// <returns>The ids of the receipts this batch stored (replays are skipped), and how many matched a known part.</returns>
    private static async Task<(long[] Ids, int Matched)> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ReceiptRecord> receipts, CancellationToken ct)
    {
        var count = receipts.Count;
        var ids = new string[count];
        var refs = new string?[count];
        var statuses = new string[count];
        var errors = new string?[count];
        var prices = new decimal?[count];
        var msisdns = new string?[count];
        var payloads = new string[count];
        for (var i = 0; i < count; i++)
        {
            var r = receipts[i];
            (ids[i], refs[i], statuses[i], errors[i], prices[i], msisdns[i], payloads[i]) =
                (r.ProviderMessageId, r.ClientRef, r.Status, r.ErrorCode, r.Price, r.Msisdn, r.PayloadJson);
        }

        await using var insert = new NpgsqlCommand(ReceiptSql.InsertAndLock, connection, transaction);
        insert.Parameters.AddWithValue("ids", ids);
        insert.Parameters.AddWithValue("refs", refs);
        insert.Parameters.AddWithValue("statuses", statuses);
        insert.Parameters.AddWithValue("errors", errors);
        insert.Parameters.AddWithValue("prices", prices);
        insert.Parameters.AddWithValue("msisdns", msisdns);
        insert.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = payloads });
        // Prepared once per physical connection: planning these statements costs more than running them.
        await insert.PrepareAsync(ct);

        var stored = new List<long>(count);
        var matched = 0;
        await using var reader = await insert.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored.Add(reader.GetInt64(0));
            matched += reader.GetBoolean(1) ? 1 : 0;
        }

        return ([.. stored], matched);
    }

    /// <returns>The rows the last statement changed: for <see cref="ReceiptSql.Apply"/>, the receipts it newly matched.</returns>
    private static async Task<int> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long[] receiptIds, IReadOnlyList<string> statements, CancellationToken ct)
    {
        if (receiptIds.Length == 0)
        {
            return 0;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("receipts", receiptIds);
            batch.BatchCommands.Add(command);
        }

        await batch.PrepareAsync(ct);
        await batch.ExecuteNonQueryAsync(ct);
        return batch.BatchCommands[^1].RecordsAffected;
    }

    private static async Task<long[]> ReadIdsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt64(0));
        }

        return [.. ids];
    }

    // Batches touching the same rows from the sweep and the webhook writers can still meet in a deadlock or a
    // serialization failure; the whole batch is retried, which is safe because every step is idempotent.
    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            try
            {
                var result = await work(connection, transaction);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (PostgresException e) when (attempt < MaxAttempts
                                              && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }
}

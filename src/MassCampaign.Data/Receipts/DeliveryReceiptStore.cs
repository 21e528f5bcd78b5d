using System.Runtime.CompilerServices;
using Npgsql;

namespace MassCampaign.Data.Receipts;

/// <summary>
/// Stores delivery receipts in batches and folds them into sms_message_parts, sms_messages and campaign_recipients in
/// the same transaction: those the webhook left in the inbox (<see cref="ApplyInboxAsync"/>), or a batch given
/// directly (<see cref="StoreAsync"/>). Idempotent: a receipt Vonage retries is stored once (unique part + status) and
/// applied once. A receipt for a message not recorded yet is kept unmatched and applied later by
/// <see cref="ReapplyUnmatchedAsync"/>, <see cref="ReapplyForClientRefsAsync"/> or the send path's own write.
/// </summary>
public sealed class DeliveryReceiptStore(NpgsqlDataSource dataSource)
{
    private const int MaxAttempts = 5;

    // Enough to find one or two receipts the fold refuses among thousands; a batch refused for another reason stops here.
    private const int MaxSplitTransactions = 64;

    /// <summary>Stores and applies one batch in one transaction; when it returns, every receipt in it is durable.</summary>
    /// <returns>How many of the new receipts matched a message or recipient (replays are not counted).</returns>
    public Task<int> StoreAsync(IReadOnlyList<ReceiptRecord> receipts, CancellationToken ct)
    {
        if (receipts.Count == 0)
        {
            return Task.FromResult(0);
        }

        return InTransactionAsync(async (connection, transaction, applied) =>
        {
            await using var insert = new NpgsqlCommand(ReceiptSql.InsertAndLock, connection, transaction);
            ReceiptColumns.AddTo(insert.Parameters, receipts);
            var stored = await StoreInputAsync(insert, ct);
            return await ApplyStoredAsync(connection, transaction, stored, applied, ct);
        }, ct);
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> receipts from the inbox, stores and applies them and deletes them from the
    /// inbox, in one transaction: a batch that fails leaves every receipt of it in the inbox for the next one.
    /// Concurrent callers (one applier per host) take disjoint batches. When the database refuses the batch, it is
    /// applied in halves; receipts that fail alone while others apply are retired, so one receipt the fold cannot
    /// apply does not hold up the inbox. When nothing applies, the failure is not the receipts': it is thrown.
    /// </summary>
    public Task<InboxBatchResult> ApplyInboxAsync(int limit, CancellationToken ct) => ApplyInboxAsync(limit, new AppliedReceipts(), ct);

    /// <param name="applied">Gathers what the batch changed, per campaign and status, once it has committed.</param>
    public async Task<InboxBatchResult> ApplyInboxAsync(int limit, AppliedReceipts applied, CancellationToken ct)
    {
        // Row addresses (ctid) as text: they only go back to the statements that take or retire those rows.
        string[] rows = [];
        try
        {
            await InTransactionAsync(async (connection, transaction, changes) =>
            {
                await using var lockRows = new NpgsqlCommand(ReceiptInboxSql.LockInboxBatch, connection, transaction);
                lockRows.Parameters.AddWithValue("limit", limit);
                rows = await ReadAllAsync<string>(lockRows, ct);
                return await TakeAndApplyAsync(connection, transaction, rows, changes, ct);
            }, ct, applied);
            return new InboxBatchResult(rows.Length, 0);
        }
        catch (PostgresException e) when (!e.IsTransient && rows.Length > 1)
        {
            var failed = new List<string>();
            if (await ApplyInHalvesAsync(rows, failed, new StrongBox<int>(MaxSplitTransactions), applied, ct) == 0)
            {
                throw;
            }

            return new InboxBatchResult(rows.Length, await RetireAsync(failed, ct));
        }
    }

    /// <summary>
    /// Re-applies unmatched receipts, and retires those that cannot match (past the cut-off, or out of tries): they
    /// stay stored but no later sweep reads them again.
    /// </summary>
    public Task<ReceiptSweepResult> ReapplyUnmatchedAsync(ReceiptSweep sweep, CancellationToken ct) =>
        InTransactionAsync(async (connection, transaction, applied) =>
        {
            await using var select = new NpgsqlCommand(ReceiptSweepSql.SelectForSweep, connection, transaction);
            select.Parameters.AddWithValue("retire_after", sweep.RetireAfter);
            select.Parameters.AddWithValue("limit", sweep.Limit);
            var ids = await ReadAllAsync<long>(select, ct);
            var matched = await ApplyAsync(connection, transaction, ids, ReceiptSql.Apply, applied, ct);

            await using var tries = new NpgsqlCommand(ReceiptSweepSql.RecordSweepTries, connection, transaction);
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
        InTransactionAsync(async (connection, transaction, applied) =>
        {
            await using var select = new NpgsqlCommand(ReceiptSweepSql.SelectUnmatchedByClientRef, connection, transaction);
            select.Parameters.AddWithValue("refs", clientRefs.ToArray());
            return await ApplyAsync(connection, transaction, await ReadAllAsync<long>(select, ct), ReceiptSql.Apply, applied, ct);
        }, ct);

    private static async Task<int> TakeAndApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string[] rows, AppliedReceipts applied, CancellationToken ct)
    {
        await using var take = new NpgsqlCommand(ReceiptInboxSql.TakeFromInbox, connection, transaction);
        take.Parameters.AddWithValue("rows", rows);
        return await ApplyStoredAsync(connection, transaction, await StoreInputAsync(take, ct), applied, ct);
    }

    /// <summary>
    /// Applies the rows half by half, each half in its own transaction, down to single receipts, within a budget of
    /// transactions; collects the receipts that fail alone.
    /// </summary>
    /// <returns>How many rows were in halves that applied.</returns>
    private async Task<int> ApplyInHalvesAsync(
        ArraySegment<string> rows, List<string> failed, StrongBox<int> budget, AppliedReceipts applied, CancellationToken ct)
    {
        if (budget.Value-- <= 0)
        {
            return 0;
        }

        try
        {
            await InTransactionAsync((connection, transaction, changes) => TakeAndApplyAsync(connection, transaction, [.. rows], changes, ct), ct, applied);
            return rows.Count;
        }
        catch (PostgresException e) when (!e.IsTransient)
        {
            if (rows.Count == 1)
            {
                failed.Add(rows[0]);
                return 0;
            }

            var half = rows.Count / 2;
            return await ApplyInHalvesAsync(rows[..half], failed, budget, applied, ct)
                   + await ApplyInHalvesAsync(rows[half..], failed, budget, applied, ct);
        }
    }

    private async Task<int> RetireAsync(List<string> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var retire = dataSource.CreateCommand(ReceiptInboxSql.RetireFromInbox);
        retire.Parameters.AddWithValue("rows", rows.ToArray());
        return await retire.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs <see cref="ReceiptSql.InsertAndLock"/> or <see cref="ReceiptInboxSql.TakeFromInbox"/>.</summary>
    private static async Task<StoredReceipts> StoreInputAsync(NpgsqlCommand store, CancellationToken ct)
    {
        // Prepared once per physical connection: planning these statements costs more than running them.
        await store.PrepareAsync(ct);
        await using var reader = await store.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new StoredReceipts(reader.GetInt32(0), reader.GetFieldValue<long[]>(2), reader.GetFieldValue<long[]>(3));
    }

    /// <summary>
    /// Folds the receipts whose part is known with one statement (their long messages are already locked), and the
    /// others with <see cref="ReceiptSql.Apply"/>.
    /// </summary>
    /// <returns>How many of the stored receipts matched.</returns>
    private static async Task<int> ApplyStoredAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, StoredReceipts stored, AppliedReceipts applied, CancellationToken ct)
    {
        await ApplyAsync(connection, transaction, stored.Matched, [ReceiptSql.Fold], applied, ct);
        return stored.Matched.Length + await ApplyAsync(connection, transaction, stored.Unmatched, ReceiptSql.Apply, applied, ct);
    }

    /// <summary>Runs the statements over the receipts in the caller's transaction; the send path folds early receipts with it.</summary>
    /// <returns>The rows the last statement changed: for <see cref="ReceiptSql.Apply"/>, the receipts it newly matched.</returns>
    internal static async Task<int> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long[] receiptIds, IReadOnlyList<string> statements,
        AppliedReceipts applied, CancellationToken ct)
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
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await applied.ReadAsync(reader, ct);
        }

        return batch.BatchCommands[^1].RecordsAffected;
    }

    private static async Task<T[]> ReadAllAsync<T>(NpgsqlCommand command, CancellationToken ct)
    {
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return [.. values];
    }

    // Batches touching the same rows from the sweep and the webhook writers can still meet in a deadlock or a
    // serialization failure; the whole batch is retried, which is safe because every step is idempotent.
    // What the receipts changed is counted once, after the commit of the attempt that made the changes.
    private async Task<T> InTransactionAsync<T>(
        Func<NpgsqlConnection, NpgsqlTransaction, AppliedReceipts, Task<T>> work, CancellationToken ct, AppliedReceipts? into = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            try
            {
                var applied = new AppliedReceipts();
                var result = await work(connection, transaction, applied);
                await transaction.CommitAsync(ct);
                applied.Publish();
                into?.Add(applied);
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

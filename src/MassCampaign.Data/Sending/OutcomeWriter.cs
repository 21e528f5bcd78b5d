using MassCampaign.Data.Receipts;
using Npgsql;

namespace MassCampaign.Data.Sending;

/// <summary>
/// Writes a batch's send outcomes (recipients, messages, parts) and folds in the receipts that beat them, retrying the
/// whole write when it deadlocks with a receipt writer.
/// </summary>
internal sealed class OutcomeWriter(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const int MaxWriteAttempts = 3;

    public async Task RecordAsync(IReadOnlyList<SendOutcome> outcomes, BatchSettlement settlement, CancellationToken ct)
    {
        if (outcomes.Count == 0 && settlement.BatchId is null)
        {
            return;
        }

        var columns = new OutcomeColumns(outcomes);
        var now = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteOutcomesAsync(columns, settlement, now, ct);
                SendOutcomeMetrics.RecordSms(outcomes);
                return;
            }
            // The receipt writers lock the same messages and recipients from the other side; every statement
            // here is idempotent, so the whole write is simply tried again.
            catch (PostgresException e) when (attempt < MaxWriteAttempts
                                              && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
            }
        }
    }

    /// <summary>
    /// One transaction: recipients, messages and parts in one round trip, then the receipts that arrived before
    /// this write are folded in with the receipt store's own statements, so both paths reach the same state.
    /// </summary>
    private async Task WriteOutcomesAsync(OutcomeColumns columns, BatchSettlement settlement, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var earlyReceipts = new List<long>();
        await using (var write = new NpgsqlBatch(connection, transaction))
        {
            foreach (var setting in OutcomeSql.UseIndexes)
            {
                write.BatchCommands.Add(new NpgsqlBatchCommand(setting));
            }

            if (columns.Any)
            {
                write.BatchCommands.Add(columns.UpdateRecipients(now, settlement));
            }

            if (settlement is { BatchId: { } batchId, ClosesBatch: true })
            {
                write.BatchCommands.Add(new NpgsqlBatchCommand(OutcomeSql.DeleteBatch) { Parameters = { new("batch_id", batchId) } });
            }

            if (columns.HasSubmissions)
            {
                write.BatchCommands.Add(columns.InsertMessages(now));
                write.BatchCommands.Add(columns.InsertParts(now));
                write.BatchCommands.Add(columns.SelectEarlyReceipts());
            }

            await using var reader = await write.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                earlyReceipts.Add(reader.GetInt64(0));
            }
        }

        var applied = new AppliedReceipts();
        await DeliveryReceiptStore.ApplyAsync(connection, transaction, [.. earlyReceipts], ReceiptSql.Apply, applied, ct);
        await transaction.CommitAsync(ct);
        applied.Publish();
    }
}

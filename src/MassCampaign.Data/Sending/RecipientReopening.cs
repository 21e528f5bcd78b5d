using MassCampaign.Domain.Recipients;
using Npgsql;

namespace MassCampaign.Data.Sending;

/// <summary>New attempts for finished recipients: the operator's resend, and the campaign's scheduled retries.</summary>
public sealed class RecipientReopening(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<ResendResult> ResendAsync(Guid campaignId, IReadOnlyList<string> statuses, int maxAttempts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var resend = Command(ReopenSql.Resend, campaignId, statuses, maxAttempts);
        var capped = Command(ReopenSql.CountAtAttemptCap, campaignId, statuses, maxAttempts);
        long atCap;
        await using (var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { resend, capped } })
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            // The update returns no rows, so the count is the first result.
            await reader.ReadAsync(ct);
            atCap = reader.GetInt64(0);
        }

        await transaction.CommitAsync(ct);
        return new ResendResult(resend.RecordsAffected, atCap);
    }

    /// <returns>How many failed recipients were given a retry.</returns>
    public async Task<int> ScheduleRetriesAsync(Guid campaignId, int maxAttempts, TimeSpan after, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ReopenSql.ScheduleRetries);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("max_attempts", maxAttempts);
        command.Parameters.AddWithValue("receipt_codes", RetryableFailures.ReceiptErrorCodes.ToArray());
        command.Parameters.AddWithValue("submission_codes", RetryableFailures.SubmissionErrorCodes.ToArray());
        command.Parameters.AddWithValue("http_pattern", RetryableFailures.SubmissionHttpPattern);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private NpgsqlBatchCommand Command(string sql, Guid campaignId, IReadOnlyList<string> statuses, int maxAttempts) => new(sql)
    {
        Parameters =
        {
            new("campaign_id", campaignId),
            new("statuses", statuses.ToArray()),
            new("max_attempts", maxAttempts),
            new("now", time.GetUtcNow()),
        },
    };
}

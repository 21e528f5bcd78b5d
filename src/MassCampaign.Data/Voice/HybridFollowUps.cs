using Npgsql;

namespace MassCampaign.Data.Voice;

/// <summary>The smsFirst hybrid's SQL: failed SMS handed to the voice channel, and SMS whose receipt may still ask for a call.</summary>
public sealed class HybridFollowUps(NpgsqlDataSource dataSource)
{
    public async Task<int> FollowUpFailedSmsAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CallSql.FollowUpFailedSms);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>SMS sent after <paramref name="since"/> still without a final receipt: how many, and the oldest's send time.</summary>
    public async Task<(long Count, DateTimeOffset? OldestSentAt)> AwaitedReceiptsAsync(Guid campaignId, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CallSql.AwaitedSmsReceipts);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }
}

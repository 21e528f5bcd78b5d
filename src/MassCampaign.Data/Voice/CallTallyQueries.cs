using Npgsql;

namespace MassCampaign.Data.Voice;

/// <summary>Counts a campaign's calls for its status and report: one pass over its calls through calls_campaign_idx.</summary>
public sealed class CallTallyQueries(NpgsqlDataSource dataSource)
{
    private const string Tally = """
        SELECT count(*), count(*) FILTER (WHERE ended_at IS NULL),
               count(*) FILTER (WHERE outcome = 'answered'), count(*) FILTER (WHERE outcome = 'voicemail'),
               count(*) FILTER (WHERE outcome = 'busy'), count(*) FILTER (WHERE outcome = 'noAnswer'),
               count(*) FILTER (WHERE outcome = 'failed'), count(*) FILTER (WHERE outcome = 'optedOut'),
               avg(duration_s) FILTER (WHERE outcome IN ('answered', 'voicemail', 'optedOut')),
               COALESCE(sum(price), 0)
        FROM calls WHERE campaign_id = @campaign_id
        """;

    public async Task<CallTally> ReadAsync(Guid campaignId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Tally);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        long At(int i) => reader.GetInt64(i);
        var ended = At(0) - At(1);
        var pickedUp = At(2) + At(3) + At(7);
        return new CallTally(
            At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7),
            ended > 0 ? (double)pickedUp / ended : null,
            reader.IsDBNull(8) ? null : (double)reader.GetDecimal(8),
            reader.GetDecimal(9));
    }
}

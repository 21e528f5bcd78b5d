using Npgsql;

namespace MassCampaign.Data.Reporting;

/// <summary>A campaign's sends over time, in buckets sized so the whole run fits a chart of about sixty points.</summary>
public sealed class CampaignThroughputQueries(NpgsqlDataSource dataSource)
{
    public const int Points = 60;

    /// <param name="firstSentAt">The run's first send, from the report; null when nothing was sent (no points).</param>
    /// <param name="lastSentAt">Its latest send.</param>
    public async Task<(TimeSpan Bucket, IReadOnlyList<ThroughputPoint> Points)> ReadAsync(
        Guid campaignId, DateTime? firstSentAt, DateTime? lastSentAt, CancellationToken ct)
    {
        if (firstSentAt is not { } first || lastSentAt is not { } last)
        {
            return (TimeSpan.FromSeconds(1), []);
        }

        var bucket = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((last - first).TotalSeconds / Points)));
        await using var command = dataSource.CreateCommand(ReportingSql.SentPerBucket);
        command.Parameters.AddWithValue("campaign_id", campaignId);
        command.Parameters.AddWithValue("bucket", bucket);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var points = new List<ThroughputPoint>();
        while (await reader.ReadAsync(ct))
        {
            points.Add(new ThroughputPoint(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1)));
        }

        return (bucket, points);
    }
}

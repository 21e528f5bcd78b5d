using MassCampaign.Domain.Campaigns;
using Npgsql;

namespace MassCampaign.Data.Lifecycle;

/// <summary>Npgsql implementation of <see cref="ICampaignLifecycleRepository"/>; every method is one statement.</summary>
public sealed class CampaignLifecycleRepository(NpgsqlDataSource dataSource) : ICampaignLifecycleRepository
{
    private const string FindSql = """
        SELECT id, name, type, status, status_reason, sms_template, voice_script, sender, calling_window::text,
               created_at, updated_at, started_at, finished_at, settings::text
        FROM campaigns
        WHERE id = @id
        """;

    // Any change of status may leave work to wind down again, so it clears the wind-down stamp.
    private const string SetStatusSql = """
        UPDATE campaigns
        SET status        = @status,
            status_reason = @reason,
            updated_at    = @now,
            wound_down_at = NULL,
            started_at    = CASE WHEN @status IN ('draft', 'scheduled') THEN started_at ELSE COALESCE(started_at, @now) END,
            finished_at   = CASE WHEN @status IN ('completed', 'stopped', 'failed') THEN COALESCE(finished_at, @now) END
        WHERE id = @id
        """;

    // Stopped and failed campaigns are listed only while work is left, so a long history costs nothing at start-up:
    // one whose wind-down finished is known by its stamp, without reading its recipients (no index leads with their
    // status, so that would read every one of them).
    private const string FindUnfinishedSql = """
        SELECT c.id
        FROM campaigns c
        WHERE c.status IN ('queued', 'running', 'paused')
           OR (c.status IN ('stopped', 'failed')
               AND c.wound_down_at IS NULL
               AND EXISTS (SELECT 1 FROM campaign_recipients r
                           WHERE r.campaign_id = c.id AND r.status IN ('pending', 'sending', 'deferred')))
        ORDER BY c.created_at
        """;

    private const string RecipientGenerationSql = "SELECT recipient_generation FROM campaigns WHERE id = @id";

    private const string TryCompleteSql = """
        UPDATE campaigns
        SET status = 'completed', status_reason = NULL, updated_at = @now, wound_down_at = NULL,
            finished_at = COALESCE(finished_at, @now)
        WHERE id = @id AND status = 'running' AND recipient_generation = @generation
        """;

    private const string MarkWoundDownSql = "UPDATE campaigns SET wound_down_at = @now WHERE id = @id";

    public async Task<CampaignDefinition?> FindAsync(Guid campaignId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(FindSql);
        command.Parameters.AddWithValue("id", campaignId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var windowJson = reader.GetString(8);
        return new CampaignDefinition(
            reader.GetGuid(0),
            reader.GetString(1),
            CampaignTypeNames.TryParse(reader.GetString(2), out var type) ? type : throw UnknownValue("type", reader.GetString(2)),
            CampaignStatusNames.TryParse(reader.GetString(3), out var status) ? status : throw UnknownValue("status", reader.GetString(3)),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.GetString(7),
            CallingWindowJson.Parse(windowJson),
            windowJson,
            reader.GetFieldValue<DateTimeOffset>(9),
            reader.GetFieldValue<DateTimeOffset>(10),
            reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
            reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12))
        {
            Settings = CampaignSettings.FromJson(reader.GetString(13)),
        };
    }

    public async Task<bool> SetStatusAsync(Guid campaignId, CampaignStatus status, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SetStatusSql);
        command.Parameters.AddWithValue("id", campaignId);
        command.Parameters.AddWithValue("status", CampaignStatusNames.ToWire(status));
        command.Parameters.AddWithValue("reason", (object?)reason ?? DBNull.Value);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<long> RecipientGenerationAsync(Guid campaignId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(RecipientGenerationSql);
        command.Parameters.AddWithValue("id", campaignId);
        return await command.ExecuteScalarAsync(ct) is long generation ? generation : 0;
    }

    public async Task<bool> TryCompleteAsync(Guid campaignId, long generation, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(TryCompleteSql);
        command.Parameters.AddWithValue("id", campaignId);
        command.Parameters.AddWithValue("generation", generation);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task MarkWoundDownAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(MarkWoundDownSql);
        command.Parameters.AddWithValue("id", campaignId);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<Guid>> FindUnfinishedAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(FindUnfinishedSql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static InvalidOperationException UnknownValue(string column, string value) =>
        new($"campaigns.{column} holds '{value}', which this version does not know.");
}

using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace MassCampaign.Workflows.Storage;

/// <summary>
/// Grain state in the grain_state table as JSON, with a bigint version as ETag: a write names the version it read and
/// fails with <see cref="InconsistentStateException"/> when another activation wrote in between.
/// </summary>
public sealed class NpgsqlGrainStorage(string name, NpgsqlDataSource dataSource, JsonSerializerOptions json) : IGrainStorage
{
    private const string ReadSql = "SELECT payload::text, etag FROM grain_state WHERE state_name = @state AND grain_id = @grain";

    private const string InsertSql = """
        INSERT INTO grain_state (state_name, grain_id, grain_type, payload, etag, updated_at)
        VALUES (@state, @grain, @type, @payload, 1, now())
        ON CONFLICT (state_name, grain_id) DO NOTHING
        RETURNING etag
        """;

    private const string UpdateSql = """
        UPDATE grain_state
        SET payload = @payload, etag = etag + 1, updated_at = now()
        WHERE state_name = @state AND grain_id = @grain AND etag = @expected
        RETURNING etag
        """;

    private const string DeleteSql = "DELETE FROM grain_state WHERE state_name = @state AND grain_id = @grain AND etag = @expected";

    private const string CurrentEtagSql = "SELECT etag FROM grain_state WHERE state_name = @state AND grain_id = @grain";

    public string Name { get; } = name;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var command = Command(ReadSql, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            grainState.State = JsonSerializer.Deserialize<T>(reader.GetString(0), json) ?? CreateEmpty<T>();
            grainState.ETag = Etag(reader.GetInt64(1));
            grainState.RecordExists = true;
            return;
        }

        grainState.State = CreateEmpty<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = JsonSerializer.Serialize(grainState.State, json);
        var expected = ParseEtag(grainState.ETag);
        await using var command = Command(expected is null ? InsertSql : UpdateSql, stateName, grainId);
        command.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb) { Value = payload });
        if (expected is null)
        {
            command.Parameters.AddWithValue("type", grainId.Type.ToString()!);
        }
        else
        {
            command.Parameters.AddWithValue("expected", expected.Value);
        }

        var written = await command.ExecuteScalarAsync();
        if (written is not long version)
        {
            throw await ConflictAsync(stateName, grainId, grainState.ETag);
        }

        grainState.ETag = Etag(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ParseEtag(grainState.ETag);
        if (expected is not null)
        {
            await using var command = Command(DeleteSql, stateName, grainId);
            command.Parameters.AddWithValue("expected", expected.Value);
            if (await command.ExecuteNonQueryAsync() == 0)
            {
                throw await ConflictAsync(stateName, grainId, grainState.ETag);
            }
        }

        grainState.State = CreateEmpty<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private NpgsqlCommand Command(string sql, string stateName, GrainId grainId)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("state", stateName);
        command.Parameters.AddWithValue("grain", grainId.ToString());
        return command;
    }

    private async Task<InconsistentStateException> ConflictAsync(string stateName, GrainId grainId, string? expectedEtag)
    {
        await using var command = Command(CurrentEtagSql, stateName, grainId);
        var stored = await command.ExecuteScalarAsync() is long version ? Etag(version) : "(none)";
        return new InconsistentStateException(
            $"Storage '{Name}': state '{stateName}' of {grainId} was written by someone else (expected version {expectedEtag ?? "(none)"}, stored {stored}).",
            stored,
            expectedEtag ?? "(none)");
    }

    private static T CreateEmpty<T>() => Activator.CreateInstance<T>();

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long? ParseEtag(string? etag) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"'{etag}' is not an ETag this storage wrote.", etag, "(unknown)");
}

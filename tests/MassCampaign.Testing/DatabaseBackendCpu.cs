using Npgsql;

namespace MassCampaign.Testing;

/// <summary>
/// CPU used by the PostgreSQL backends serving one database, read from /proc through <see cref="ProcessCpuTime"/>:
/// known when the server runs on this machine (as in development and CI), unknown (null) otherwise.
/// </summary>
public sealed class DatabaseBackendCpu(string connectionString, string databaseName)
{
    /// <summary>CPU so far of each backend connected to the database now, by pid; null when none can be read.</summary>
    public async Task<IReadOnlyDictionary<int, TimeSpan>?> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", databaseName);
        var cpu = new Dictionary<int, TimeSpan>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            if (ProcessCpuTime.Of(pid) is { } used)
            {
                cpu[pid] = used;
            }
        }

        return cpu.Count == 0 ? null : cpu;
    }

    /// <summary>CPU the backends used between two snapshots; a backend that appeared in between counts whole.</summary>
    public static TimeSpan? Between(IReadOnlyDictionary<int, TimeSpan>? before, IReadOnlyDictionary<int, TimeSpan>? after) =>
        before is null || after is null
            ? null
            : after.Aggregate(TimeSpan.Zero, (total, backend) => total + backend.Value - before.GetValueOrDefault(backend.Key));
}

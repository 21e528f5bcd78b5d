using System.Globalization;
using Npgsql;

namespace ReceiptBenchmark;

/// <summary>
/// CPU used by the PostgreSQL backends serving one database, read from /proc: works when the server runs on this
/// machine (as in development and CI), and reads as unknown otherwise.
/// </summary>
public sealed class BackendCpu(NpgsqlDataSource dataSource, string databaseName)
{
    // USER_HZ: the unit of utime and stime in /proc/<pid>/stat on Linux.
    private const double TicksPerSecond = 100;

    public async Task<IReadOnlyDictionary<int, long>?> SnapshotAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT pid FROM pg_stat_activity WHERE datname = @name");
        command.Parameters.AddWithValue("name", databaseName);
        var ticks = new Dictionary<int, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            if (Ticks(pid) is { } value)
            {
                ticks[pid] = value;
            }
        }

        return ticks.Count == 0 ? null : ticks;
    }

    /// <summary>CPU the backends used between two snapshots; a backend that appeared in between counts whole.</summary>
    public static TimeSpan? Between(IReadOnlyDictionary<int, long>? before, IReadOnlyDictionary<int, long>? after) =>
        before is null || after is null
            ? null
            : TimeSpan.FromSeconds(after.Sum(p => p.Value - before.GetValueOrDefault(p.Key)) / TicksPerSecond);

    private static long? Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

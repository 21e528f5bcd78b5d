using Npgsql;

namespace ImportBenchmark;

/// <summary>
/// CPU time (user + system) of local processes from /proc, so that the cost of an import can be told apart from
/// the wall time it took on a machine shared with other work.
/// </summary>
public static class ProcessCpu
{
    // USER_HZ: /proc/<pid>/stat counts clock ticks of 1/100 s on Linux.
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are 14th and 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond);
    }

    /// <summary>CPU of the server backends connected to one database; zero when the server is not on this machine.</summary>
    public static async Task<TimeSpan> OfDatabaseBackendsAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        var total = TimeSpan.Zero;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            if (File.Exists($"/proc/{pid}/stat"))
            {
                total += Of(pid);
            }
        }

        return total;
    }
}

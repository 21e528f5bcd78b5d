using System.Globalization;

namespace SendBenchmark;

/// <summary>
/// CPU time spent by processes, from <c>/proc/{pid}/stat</c>: the outside view of where a run's time went, without
/// touching the host. PostgreSQL is every process named "postgres" (backends, WAL writer, checkpointer).
/// </summary>
public static class ProcessCpu
{
    // USER_HZ: 100 on every Linux the project targets.
    private const double TicksPerSecond = 100;

    public static double Seconds(int processId)
    {
        var stat = ReadOrNull($"/proc/{processId}/stat");
        if (stat is null)
        {
            return 0;
        }

        // The command name is in parentheses and may hold spaces; the fields after it are space-separated.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the whole line, so 11 and 12 after the name.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }

    public static double PostgresSeconds() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ReadOrNull($"/proc/{pid}/comm")?.Trim() == "postgres")
            .Sum(Seconds);

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
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

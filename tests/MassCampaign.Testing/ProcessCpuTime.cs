using System.Globalization;

namespace MassCampaign.Testing;

/// <summary>
/// CPU time (user + system) of local processes, read from <c>/proc/{pid}/stat</c>: what a run cost, told apart from
/// the wall time it took on a machine shared with other work. Linux only.
/// </summary>
public static class ProcessCpuTime
{
    // USER_HZ: /proc/<pid>/stat counts clock ticks of 1/100 s on every Linux the project targets.
    private const double TicksPerSecond = 100;

    /// <summary>CPU the process has used so far; null once it is gone or cannot be read.</summary>
    public static TimeSpan? Of(int processId)
    {
        if (ReadOrNull($"/proc/{processId}/stat") is not { } stat)
        {
            return null;
        }

        // The command name is in parentheses and may hold spaces; utime and stime are fields 14 and 15 of the line,
        // so 11 and 12 after the name.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>CPU used so far by every process of this name, e.g. "postgres": backends, WAL writer, checkpointer.</summary>
    public static TimeSpan OfProcessesNamed(string name) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(entry => entry!.All(char.IsAsciiDigit))
            .Select(entry => int.Parse(entry!, CultureInfo.InvariantCulture))
            .Where(pid => ReadOrNull($"/proc/{pid}/comm")?.Trim() == name)
            .Aggregate(TimeSpan.Zero, (total, pid) => total + (Of(pid) ?? TimeSpan.Zero));

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

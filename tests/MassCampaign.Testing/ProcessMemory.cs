using System.Globalization;

namespace MassCampaign.Testing;

/// <summary>Reads a Linux process's memory counters from <c>/proc/{pid}/status</c>.</summary>
public static class ProcessMemory
{
    /// <summary>VmHWM: the peak resident set size so far, in bytes; null once the process is gone.</summary>
    public static long? PeakResidentBytes(int processId) => ReadKilobytes(processId, "VmHWM:") * 1024;

    /// <summary>VmRSS: the resident set size now, in bytes; null once the process is gone.</summary>
    public static long? ResidentBytes(int processId) => ReadKilobytes(processId, "VmRSS:") * 1024;

    private static long? ReadKilobytes(int processId, string field)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{processId}/status");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The line reads e.g. "VmHWM:	  123456 kB".
        var line = lines.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        var number = line?[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes : null;
    }
}

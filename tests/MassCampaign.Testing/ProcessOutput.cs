using System.Globalization;
using System.Text;

namespace MassCampaign.Testing;

/// <summary>
/// The last lines a child process wrote to stdout and stderr, each stamped with the time since it started. Bounded,
/// so a host that logs for a million-recipient run cannot fill the test's memory.
/// </summary>
public sealed class ProcessOutput(int capacity = 4_000)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private long _dropped;

    public void Add(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        var at = TimeProvider.System.GetElapsedTime(_started).TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
        lock (_lock)
        {
            _lines.Enqueue($"[{at}s {stream}] {line}");
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
                _dropped++;
            }
        }
    }

    /// <summary>The last <paramref name="lines"/> lines, oldest first.</summary>
    public string Tail(int lines = 200)
    {
        lock (_lock)
        {
            var text = new StringBuilder();
            var skip = Math.Max(0, _lines.Count - lines);
            if (skip + _dropped > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"({skip + _dropped} earlier lines not shown)\n");
            }

            foreach (var line in _lines.Skip(skip))
            {
                text.Append(line).Append('\n');
            }

            return text.ToString();
        }
    }

    /// <summary>Whether any kept line contains <paramref name="text"/>.</summary>
    public bool Contains(string text)
    {
        lock (_lock)
        {
            return _lines.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }
}

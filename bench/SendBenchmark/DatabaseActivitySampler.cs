using System.Globalization;
using MassCampaign.Testing;
using Npgsql;

namespace SendBenchmark;

/// <summary>
/// A sampling profile of PostgreSQL during a run (<c>--profile</c>): every 50 ms, which statements of the benchmark's
/// database are executing and what they wait on. Counts per statement show where the database's time goes.
/// </summary>
public sealed class DatabaseActivitySampler : IAsyncDisposable
{
    private const string Sample = """
        SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU'), regexp_replace(left(query, 200), '\s+', ' ', 'g')
        FROM pg_stat_activity
        WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()
        """;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<(string Wait, string Query), int> _counts = [];
    private readonly Task _sampling;
    private int _samples;

    private DatabaseActivitySampler(string database) => _sampling = Task.Run(() => SampleAsync(database));

    public static DatabaseActivitySampler Start(string database) => new(database);

    public async Task WriteAsync(TextWriter output)
    {
        await StopAsync();
        var busy = _counts.Values.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    database: {_samples} samples, {busy / (double)Math.Max(1, _samples):F2} statements active on average"));
        foreach (var ((wait, query), count) in _counts.OrderByDescending(c => c.Value).Take(10))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {count * 100.0 / Math.Max(1, busy),5:F1}%  {wait,-28} {Shorten(query)}"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
    }

    private async Task SampleAsync(string database)
    {
        try
        {
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await connection.OpenAsync(_stop.Token);
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await using var command = new NpgsqlCommand(Sample, connection) { Parameters = { new() { Value = database } } };
                await using var reader = await command.ExecuteReaderAsync(_stop.Token);
                while (await reader.ReadAsync(_stop.Token))
                {
                    var key = (reader.GetString(0), reader.GetString(1));
                    _counts[key] = _counts.GetValueOrDefault(key) + 1;
                }

                _samples++;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped at the end of the run.
        }
    }

    // The first lines of a statement name it well enough; SQL comments and CTE names come first in this code base.
    private static string Shorten(string query) => query.Length <= 110 ? query : query[..110] + "…";
}

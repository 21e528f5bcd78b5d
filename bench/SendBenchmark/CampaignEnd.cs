using Npgsql;

namespace SendBenchmark;

/// <summary>
/// Waits for a campaign to end by reading its row in PostgreSQL, which the engine writes first when it completes.
/// Cheap and precise, unlike the status API, whose recipient counts cost PostgreSQL a pass over every recipient.
/// </summary>
public static class CampaignEnd
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <returns>The status the campaign ended in: completed, stopped or failed.</returns>
    public static async Task<string> WaitAsync(NpgsqlDataSource database, Guid campaign, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            await using var command = database.CreateCommand("SELECT status FROM campaigns WHERE id = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = campaign });
            if (await command.ExecuteScalarAsync() is string status and ("completed" or "stopped" or "failed"))
            {
                return status;
            }

            await Task.Delay(Poll);
        }

        throw new TimeoutException($"Campaign {campaign} did not end within {timeout.TotalMinutes:F0} minutes.");
    }
}

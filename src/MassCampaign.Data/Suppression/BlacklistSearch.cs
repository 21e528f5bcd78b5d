using Npgsql;

namespace MassCampaign.Data.Suppression;

/// <summary>Finds blacklist entries by part of their number, for the operator console.</summary>
public sealed class BlacklistSearch(NpgsqlDataSource dataSource)
{
    /// <param name="digits">Digits anywhere in the E.164 number; empty lists the newest entries.</param>
    public async Task<IReadOnlyList<BlacklistEntry>> FindAsync(string digits, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SuppressionSql.SearchBlacklist);
        command.Parameters.AddWithValue("digits", digits);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<BlacklistEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new BlacklistEntry(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return entries;
    }
}

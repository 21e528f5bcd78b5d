using MassCampaign.Domain.Recipients;
using Npgsql;

namespace MassCampaign.Data.Sending;

/// <summary>Reads the rows of <see cref="SendPathSql.CountByStatus"/> (status, count, unresolved) into one tally.</summary>
internal static class RecipientTallyReader
{
    public static async Task<RecipientTally> ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var byStatus = new Dictionary<string, long>(StringComparer.Ordinal);
        long unresolved = 0;
        while (await reader.ReadAsync(ct))
        {
            var status = reader.GetString(0);
            byStatus[status] = reader.GetInt64(1);
            if (status == RecipientStatuses.Unknown)
            {
                unresolved = reader.GetInt64(2);
            }
        }

        return RecipientTally.FromStatusCounts(byStatus, unresolved);
    }
}

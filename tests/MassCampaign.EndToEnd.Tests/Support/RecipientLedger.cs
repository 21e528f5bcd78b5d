using MassCampaign.Data.Sending;
using MassCampaign.Domain.Recipients;
using Npgsql;

namespace MassCampaign.EndToEnd.Tests.Support;

/// <summary>Reads campaign_recipients straight from PostgreSQL: the system of record the assertions check.</summary>
public sealed class RecipientLedger(NpgsqlDataSource database)
{
    /// <summary>Where nothing more will happen to a recipient unless an operator acts.</summary>
    public static IReadOnlySet<string> TerminalStatuses { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RecipientStatuses.Sent, RecipientStatuses.Delivered, RecipientStatuses.Failed, RecipientStatuses.SkippedBlacklisted,
        RecipientStatuses.SkippedInvalid, RecipientStatuses.Unknown, RecipientStatuses.Cancelled, RecipientStatuses.Expired,
        RecipientStatuses.Rejected,
    };

    public Task<IReadOnlyList<RecipientRow>> AllAsync(Guid campaign) =>
        QueryAsync("SELECT id, phone_e164, status, attempt FROM campaign_recipients WHERE campaign_id = $1", campaign, null);

    public Task<IReadOnlyList<RecipientRow>> InStatusAsync(Guid campaign, string status) =>
        QueryAsync("SELECT id, phone_e164, status, attempt FROM campaign_recipients WHERE campaign_id = $1 AND status = $2", campaign, status);

    public async Task<IReadOnlyList<RecipientRow>> ByIdAsync(IReadOnlyCollection<long> ids)
    {
        await using var command = database.CreateCommand("SELECT id, phone_e164, status, attempt FROM campaign_recipients WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        return await ReadAsync(command);
    }

    private async Task<IReadOnlyList<RecipientRow>> QueryAsync(string sql, Guid campaign, string? status)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = campaign });
        if (status is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = status });
        }

        return await ReadAsync(command);
    }

    private static async Task<IReadOnlyList<RecipientRow>> ReadAsync(NpgsqlCommand command)
    {
        var rows = new List<RecipientRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new RecipientRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return rows;
    }
}

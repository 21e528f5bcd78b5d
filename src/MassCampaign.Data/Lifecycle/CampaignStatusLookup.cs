using MassCampaign.Domain.Campaigns;
using Npgsql;

namespace MassCampaign.Data.Lifecycle;

/// <summary>The current status of a handful of campaigns, so a type gate can tell which of its holders have ended.</summary>
public sealed class CampaignStatusLookup(NpgsqlDataSource dataSource)
{
    // A gate holds at most its limit plus its queue: a primary-key read of a few ids.
    private const string StatusesSql = "SELECT id, status FROM campaigns WHERE id = ANY(@ids)";

    /// <summary>Status by id; a campaign that no longer exists is absent from the answer.</summary>
    public async Task<IReadOnlyDictionary<Guid, CampaignStatus>> StatusesAsync(IReadOnlyCollection<Guid> campaignIds, CancellationToken ct)
    {
        var statuses = new Dictionary<Guid, CampaignStatus>(campaignIds.Count);
        if (campaignIds.Count == 0)
        {
            return statuses;
        }

        await using var command = dataSource.CreateCommand(StatusesSql);
        command.Parameters.AddWithValue("ids", campaignIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(1);
            statuses[reader.GetGuid(0)] = CampaignStatusNames.TryParse(name, out var status)
                ? status
                : throw new InvalidOperationException($"campaigns.status holds '{name}', which this version does not know.");
        }

        return statuses;
    }
}

using Npgsql;

namespace MassCampaign.Data.Suppression;

/// <summary>The numbers added to the blacklist lately, for senders that re-check right before each request.</summary>
public sealed class RecentBlacklistQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Served by blacklist_created_idx; a handful of rows a second even while a campaign draws many STOPs.</summary>
    private const string AddedSince = "SELECT phone_e164 FROM blacklist WHERE created_at >= @since";

    public async Task<IReadOnlyList<string>> AddedSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(AddedSince);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var phones = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            phones.Add(reader.GetString(0));
        }

        return phones;
    }
}

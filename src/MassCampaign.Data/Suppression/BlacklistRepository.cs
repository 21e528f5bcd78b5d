using Npgsql;

namespace MassCampaign.Data.Suppression;

/// <summary>
/// Operator-managed suppression. Every change writes a consent event in the same transaction, so the trail
/// (never deleted) always explains the list. Numbers are E.164; the caller normalises them.
/// </summary>
public sealed class BlacklistRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Adds the number, or returns the entry already there unchanged (idempotent).</summary>
    public async Task<BlacklistAddResult> AddAsync(string e164, string? reason, string source, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var created = await SuppressionSql.ReadEntryAsync(connection, transaction, SuppressionSql.InsertBlacklist, p =>
        {
            p.AddWithValue("phone", e164);
            p.AddWithValue("reason", (object?)reason ?? DBNull.Value);
            p.AddWithValue("source", source);
        }, ct);

        if (created is not null)
        {
            await SuppressionSql.InsertConsentEventAsync(connection, transaction,
                new ConsentEvent(e164, ConsentEventTypes.BlacklistAdded, source, ConsentEventTypes.ApiChannel, RawText: reason), ct);
            await transaction.CommitAsync(ct);
            return new BlacklistAddResult(created, Created: true);
        }

        // Lost to an earlier add (or a concurrent one, now committed): report what is there.
        var existing = await SuppressionSql.ReadEntryAsync(connection, transaction, SuppressionSql.SelectBlacklist,
            p => p.AddWithValue("phone", e164), ct);
        await transaction.CommitAsync(ct);
        return new BlacklistAddResult(
            existing ?? throw new InvalidOperationException($"{e164} was neither inserted nor found on the blacklist."),
            Created: false);
    }

    public async Task<BlacklistEntry?> GetAsync(string e164, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await SuppressionSql.ReadEntryAsync(connection, null, SuppressionSql.SelectBlacklist, p => p.AddWithValue("phone", e164), ct);
    }

    /// <returns>The removed entry, or null when the number was not on the list.</returns>
    public async Task<BlacklistEntry?> RemoveAsync(string e164, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var removed = await SuppressionSql.ReadEntryAsync(connection, transaction, SuppressionSql.DeleteBlacklist,
            p => p.AddWithValue("phone", e164), ct);
        if (removed is not null)
        {
            await SuppressionSql.InsertConsentEventAsync(connection, transaction,
                new ConsentEvent(e164, ConsentEventTypes.BlacklistRemoved, BlacklistSources.Operator, ConsentEventTypes.ApiChannel), ct);
        }

        await transaction.CommitAsync(ct);
        return removed;
    }
}

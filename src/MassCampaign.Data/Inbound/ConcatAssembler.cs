using Npgsql;

namespace MassCampaign.Data.Inbound;

/// <summary>
/// Reassembles long inbound messages from their parts (VONAGE.md §3.3): parts may come out of order or twice.
/// Runs inside the caller's transaction, so a completed message and its reply row commit together.
/// </summary>
internal static class ConcatAssembler
{
    /// <returns>
    /// Null when this part was seen before (a Vonage retry); otherwise the whole messages it completes, in
    /// arrival order: none while parts are missing, and first an abandoned group if this part's slot was taken.
    /// </returns>
    public static async Task<IReadOnlyList<WholeMessage>?> AddAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InboundMessage message, InboundPart part, CancellationToken ct)
    {
        void Group(NpgsqlParameterCollection p)
        {
            p.AddWithValue("phone", message.Phone);
            p.AddWithValue("ref", part.ConcatRef);
        }

        await ExecuteAsync(connection, transaction, InboundSql.LockConcatGroup, Group, ct);
        if (await ScalarAsync<bool>(connection, transaction, InboundSql.PartKnown, p => p.AddWithValue("id", message.ProviderMessageId), ct))
        {
            return null;
        }

        var completed = new List<WholeMessage>(2);
        // concat-ref cycles: a part whose slot is still taken starts a new message, and the old one will never
        // be completed. It is stored with the parts it has rather than lost.
        if (await ScalarAsync<bool>(connection, transaction, InboundSql.PartNumberWaiting, p =>
            {
                Group(p);
                p.AddWithValue("number", part.Number);
            }, ct))
        {
            completed.Add(await TakeWaitingAsync(connection, transaction, Group, ct));
        }

        await ExecuteAsync(connection, transaction, InboundSql.InsertPart, p =>
        {
            Group(p);
            p.AddWithValue("number", part.Number);
            p.AddWithValue("total", part.Total);
            p.AddWithValue("id", message.ProviderMessageId);
            p.AddWithValue("text", message.Text);
            p.AddWithValue("received", message.ReceivedAt.ToUniversalTime());
        }, ct);

        if (await ScalarAsync<long>(connection, transaction, InboundSql.CountWaiting, Group, ct) >= part.Total)
        {
            completed.Add(await TakeWaitingAsync(connection, transaction, Group, ct));
        }

        return completed;
    }

    private static async Task<WholeMessage> TakeWaitingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Action<NpgsqlParameterCollection> group, CancellationToken ct)
    {
        var parts = new List<(int Number, string Id, string Text, DateTimeOffset ReceivedAt)>();
        await using (var command = new NpgsqlCommand(InboundSql.TakeWaiting, connection, transaction))
        {
            group(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                parts.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        parts.Sort((a, b) => a.Number.CompareTo(b.Number));
        // The first part's id names the whole message: unique, and stable under retries of any part.
        return new WholeMessage(parts[0].Id, string.Concat(parts.Select(p => p.Text)), parts.Min(p => p.ReceivedAt));
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Action<NpgsqlParameterCollection> bind, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        bind(command.Parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Action<NpgsqlParameterCollection> bind, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        bind(command.Parameters);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}

using MassCampaign.Data.Receipts;
using MassCampaign.Data.Sending;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Testing;
using Npgsql;
using NpgsqlTypes;

namespace MassCampaign.Data.Tests.Receipts;

/// <summary>
/// A receipt stored while the send path is recording its message: each transaction commits unseen by the other, so
/// the receipt must stay for the sweep rather than count as applied.
/// </summary>
public sealed class ReceiptRaceTests(PostgresDatabase database) : ReceiptStoreTestBase(database)
{
    [Fact]
    public async Task A_receipt_whose_message_commits_while_it_is_applied_is_left_to_the_sweep_and_delivers_the_recipient()
    {
        var (campaign, claimed) = await ClaimOneAsync();
        var partId = NewPartId();
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var receiptId = await InsertReceiptAsync(connection, transaction, Receipt(partId, claimed.ClientRef, "delivered", "0"));
        await RunAsync(connection, transaction, receiptId, ReceiptSql.Apply[..^1]);

        // The send path records the message in between: the uncommitted receipt is invisible to it.
        await Repository.RecordOutcomesAsync([TestOutcomes.Accepted(claimed, campaign, new SentPart(partId, 0, null))], default);
        await RunAsync(connection, transaction, receiptId, [ReceiptSql.Apply[^1]]);
        await transaction.CommitAsync();
        await Store.ReapplyUnmatchedAsync(new ReceiptSweep(100, TimeSpan.FromHours(1), 50), default);

        Assert.Equal("delivered", await PartStatusAsync(partId));
        Assert.Equal("delivered", (await Seed.ReadAsync(claimed.RecipientId)).Status);
        Assert.True(await Seed.ScalarAsync<bool>("SELECT matched FROM delivery_receipts WHERE id = @id", ("id", receiptId)));
    }

    private static async Task<long> InsertReceiptAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReceiptRecord r)
    {
        await using var insert = new NpgsqlCommand(ReceiptSql.InsertAndLock, connection, transaction);
        insert.Parameters.AddWithValue("ids", new[] { r.ProviderMessageId });
        insert.Parameters.AddWithValue("refs", new[] { r.ClientRef });
        insert.Parameters.AddWithValue("statuses", new[] { r.Status });
        insert.Parameters.AddWithValue("errors", new[] { r.ErrorCode });
        insert.Parameters.AddWithValue("prices", new[] { r.Price });
        insert.Parameters.AddWithValue("msisdns", new[] { r.Msisdn });
        insert.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = new[] { r.PayloadJson } });
        await using var reader = await insert.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        // No part was known when the receipt was stored: it is among the unmatched.
        Assert.Empty(reader.GetFieldValue<long[]>(2));
        return Assert.Single(reader.GetFieldValue<long[]>(3));
    }

    private static async Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long receiptId, IEnumerable<string> statements)
    {
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("receipts", new[] { receiptId });
            await command.ExecuteNonQueryAsync();
        }
    }
}

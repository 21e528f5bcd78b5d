using Npgsql;
using NpgsqlTypes;

namespace MassCampaign.Data.Receipts;

/// <summary>
/// Where the webhook leaves a receipt before it answers 200: one binary COPY per batch into receipt_inbox, which
/// commits on its own and checks each value against the types delivery_receipts stores it in. Nothing is applied here;
/// <see cref="DeliveryReceiptStore.ApplyInboxAsync"/> stores and folds the inbox behind it.
/// </summary>
public sealed class ReceiptInbox(NpgsqlDataSource dataSource)
{
    /// <summary>Appends the batch; when it returns, every receipt in it is durable.</summary>
    public async Task AppendAsync(IReadOnlyList<ReceiptRecord> receipts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var copy = await connection.BeginBinaryImportAsync(ReceiptInboxSql.CopyToInbox, ct);
        foreach (var r in receipts)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.ProviderMessageId, NpgsqlDbType.Text, ct);
            await WriteTextAsync(copy, r.ClientRef, ct);
            await copy.WriteAsync(r.Status, NpgsqlDbType.Text, ct);
            await WriteTextAsync(copy, r.ErrorCode, ct);
            if (r.Price is { } price)
            {
                await copy.WriteAsync(price, NpgsqlDbType.Numeric, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
            }

            await WriteTextAsync(copy, r.Msisdn, ct);
            await copy.WriteAsync(r.PayloadJson, NpgsqlDbType.Jsonb, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken ct) =>
        text is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(text, NpgsqlDbType.Text, ct);
}

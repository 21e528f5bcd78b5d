using Npgsql;
using NpgsqlTypes;

namespace MassCampaign.Data.Receipts;

/// <summary>A batch of receipts as the column arrays <see cref="ReceiptSql.InsertAndLock"/> unnests.</summary>
internal static class ReceiptColumns
{
    public static void AddTo(NpgsqlParameterCollection parameters, IReadOnlyList<ReceiptRecord> receipts)
    {
        var count = receipts.Count;
        var ids = new string[count];
        var refs = new string?[count];
        var statuses = new string[count];
        var errors = new string?[count];
        var prices = new decimal?[count];
        var msisdns = new string?[count];
        var payloads = new string[count];
        for (var i = 0; i < count; i++)
        {
            var r = receipts[i];
            (ids[i], refs[i], statuses[i], errors[i], prices[i], msisdns[i], payloads[i]) =
                (r.ProviderMessageId, r.ClientRef, r.Status, r.ErrorCode, r.Price, r.Msisdn, r.PayloadJson);
        }

        parameters.AddWithValue("ids", ids);
        parameters.AddWithValue("refs", refs);
        parameters.AddWithValue("statuses", statuses);
        parameters.AddWithValue("errors", errors);
        parameters.AddWithValue("prices", prices);
        parameters.AddWithValue("msisdns", msisdns);
        parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = payloads });
    }
}

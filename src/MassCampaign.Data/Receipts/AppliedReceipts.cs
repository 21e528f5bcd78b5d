using MassCampaign.Domain.Telemetry;
using Npgsql;

namespace MassCampaign.Data.Receipts;

/// <summary>
/// Recipients whose status receipts changed in one transaction, per campaign and new status, as the fold statements
/// report them. Counted into the metrics only once that transaction has committed, so a retried transaction counts once.
/// </summary>
public sealed class AppliedReceipts
{
    private readonly Dictionary<(Guid CampaignId, string Status), int> _counts = [];

    /// <summary>Per campaign and new status, how many recipients a receipt moved.</summary>
    public IReadOnlyList<AppliedReceiptCount> Counts =>
        [.. _counts.Select(c => new AppliedReceiptCount(c.Key.CampaignId, c.Key.Status, c.Value))];

    /// <summary>Reads every result set of the reader, keeping the rows of the fold statements' applied counts.</summary>
    internal async Task ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        do
        {
            if (reader.FieldCount != 3 || reader.GetName(0) != "applied_campaign_id")
            {
                continue;
            }

            while (await reader.ReadAsync(ct))
            {
                var key = (reader.GetGuid(0), reader.GetString(1));
                _counts[key] = _counts.GetValueOrDefault(key) + reader.GetInt32(2);
            }
        }
        while (await reader.NextResultAsync(ct));
    }

    internal void Add(AppliedReceipts other)
    {
        foreach (var (key, count) in other._counts)
        {
            _counts[key] = _counts.GetValueOrDefault(key) + count;
        }
    }

    /// <summary>Call once the transaction that made these changes has committed.</summary>
    internal void Publish()
    {
        foreach (var ((_, status), count) in _counts)
        {
            CampaignMetrics.Add(CampaignMetrics.ReceiptsApplied, count, "status", status);
        }
    }
}

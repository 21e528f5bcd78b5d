using MassCampaign.Data.Contacts;

namespace MassCampaign.Host.Contacts;

/// <summary>
/// The rows one writer commits together, one per number: a number seen again merges into its row as a sequential
/// upsert would (later non-empty fields win, attributes merge) and counts as a duplicate.
/// </summary>
internal sealed class ContactBatch(int capacity)
{
    private readonly List<ContactImportRow> rows = new(capacity);
    private readonly Dictionary<string, int> positions = new(capacity, StringComparer.Ordinal);

    public IReadOnlyList<ContactImportRow> Rows => rows;

    public int Count => rows.Count;

    /// <returns>False when the number was already in the batch.</returns>
    public bool Add(ContactImportRow row)
    {
        if (positions.TryGetValue(row.PhoneE164, out var at))
        {
            rows[at] = Merge(rows[at], row);
            return false;
        }

        positions.Add(row.PhoneE164, rows.Count);
        rows.Add(row);
        return true;
    }

    private static ContactImportRow Merge(ContactImportRow earlier, ContactImportRow later) => new(
        later.PhoneE164,
        later.FirstName ?? earlier.FirstName,
        later.LastName ?? earlier.LastName,
        later.TimeZone ?? earlier.TimeZone,
        AttributesJson.Merge(earlier.AttributesJson, later.AttributesJson),
        later.TimeZone is not null ? later.ZoneKey : earlier.ZoneKey);
}

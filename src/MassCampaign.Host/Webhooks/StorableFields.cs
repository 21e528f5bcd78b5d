namespace MassCampaign.Host.Webhooks;

/// <summary>
/// Webhook fields as PostgreSQL can store them: text and jsonb cannot hold NUL (U+0000), so it is left out of every
/// name and value. A NUL carries nothing in an SMS, and a STOP must never be lost to a 500 over one. Every other
/// control character is kept: PostgreSQL stores it, and the keyword match already looks past it.
/// </summary>
public static class StorableFields
{
    /// <summary>The fields without NUL; the same dictionary when none holds one, as nearly every webhook.</summary>
    public static IReadOnlyDictionary<string, string> From(IReadOnlyDictionary<string, string> fields)
    {
        if (!fields.Any(f => f.Key.Contains('\0', StringComparison.Ordinal) || f.Value.Contains('\0', StringComparison.Ordinal)))
        {
            return fields;
        }

        var storable = new Dictionary<string, string>(fields.Count, StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            storable[WithoutNul(key)] = WithoutNul(value);
        }

        return storable;
    }

    private static string WithoutNul(string text) => text.Replace("\0", "", StringComparison.Ordinal);
}

using MassCampaign.Data.Sending;
using MassCampaign.Domain.Recipients;

namespace MassCampaign.Data.Reporting;

/// <summary>
/// The status names a recipient list can be filtered by. The report's total names select exactly what the total
/// counts (failed = failed, expired, rejected; skipped = both skips; pending includes deferred), so a number in
/// the report and its list agree; the finer stored statuses can be asked for by name too.
/// </summary>
public static class RecipientStatusFilter
{
    private static readonly Dictionary<string, string[]> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pending"] = [RecipientStatuses.Pending, RecipientStatuses.Deferred],
        ["sending"] = [RecipientStatuses.Sending],
        ["sent"] = [RecipientStatuses.Sent],
        ["delivered"] = [RecipientStatuses.Delivered],
        ["failed"] = [RecipientStatuses.Failed, RecipientStatuses.Expired, RecipientStatuses.Rejected],
        ["skipped"] = [RecipientStatuses.SkippedBlacklisted, RecipientStatuses.SkippedInvalid],
        ["unknown"] = [RecipientStatuses.Unknown],
        ["cancelled"] = [RecipientStatuses.Cancelled],
        ["deferred"] = [RecipientStatuses.Deferred],
        ["expired"] = [RecipientStatuses.Expired],
        ["rejected"] = [RecipientStatuses.Rejected],
        ["skipped_blacklisted"] = [RecipientStatuses.SkippedBlacklisted],
        ["skipped_invalid"] = [RecipientStatuses.SkippedInvalid],
    };

    public static IReadOnlyList<string> ValidNames { get; } = [.. Names.Keys];

    /// <summary>
    /// Reads a comma-separated list of names. Null or blank selects every recipient (<paramref name="statuses"/>
    /// null); false when any name is not one of <see cref="ValidNames"/>.
    /// </summary>
    public static bool TryParse(string? text, out IReadOnlyList<string>? statuses)
    {
        statuses = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var selected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Names.TryGetValue(name, out var stored))
            {
                return false;
            }

            selected.UnionWith(stored);
        }

        statuses = [.. selected];
        return selected.Count > 0;
    }
}

using MassCampaign.Data.Reporting;

namespace MassCampaign.Host.Reporting;

/// <summary>The checked query string of <c>GET /api/campaigns/{id}/recipients</c>.</summary>
/// <param name="Statuses">Stored statuses to keep; null for every recipient.</param>
/// <param name="AsCsv">The whole filtered list as CSV; paging applies to JSON only.</param>
public sealed record RecipientListQuery(IReadOnlyList<string>? Statuses, int Page, int PageSize, bool AsCsv)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>Reads the raw values; on failure <paramref name="errors"/> says, per parameter, what to send instead.</summary>
    public static bool TryParse(
        string? status, string? page, string? pageSize, string? format,
        out RecipientListQuery query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (!RecipientStatusFilter.TryParse(status, out var statuses))
        {
            errors["status"] =
                [$"'{status}' is not a recipient status. Use one or more of, comma-separated: {string.Join(", ", RecipientStatusFilter.ValidNames)}."];
        }

        var pageNumber = ReadInt(page, "page", 1, 1, int.MaxValue, errors);
        var size = ReadInt(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize, errors);

        var asCsv = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => Refuse(errors, "format", $"'{format}' is not a format. Use json (the default) or csv."),
        };

        query = new RecipientListQuery(statuses, pageNumber, size, asCsv);
        return errors.Count == 0;
    }

    private static int ReadInt(string? text, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"'{text}' is not a whole number from {min} to {max}."];
        return fallback;
    }

    private static bool Refuse(Dictionary<string, string[]> errors, string name, string message)
    {
        errors[name] = [message];
        return false;
    }
}

namespace MassCampaign.Host.Contacts;

/// <summary>One row of an import as read from the body, before its phone number and time zone are checked.</summary>
/// <param name="Row">1-based data row (CSV, header excluded) or array position (JSON).</param>
/// <param name="Phone">As sent, trimmed; cut to <see cref="ContactImportLimits.MaxPhoneLength"/> when it is too long.</param>
/// <param name="AttributesJson">The other fields as a JSON object, or null when there are none.</param>
/// <param name="Problem">Why the row cannot be imported, when reading it already showed that.</param>
public sealed record ContactInput(
    long Row,
    string? Phone,
    string? FirstName = null,
    string? LastName = null,
    string? TimeZone = null,
    string? AttributesJson = null,
    string? Problem = null)
{
    public static ContactInput Rejected(long row, string? phone, string problem) => new(row, phone, Problem: problem);
}

namespace MassCampaign.Host.Contacts;

/// <summary>Checks and tidies the named fields of a row, whatever the body format.</summary>
internal static class ContactFields
{
    /// <summary>Trimmed, or null when empty.</summary>
    public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The phone as it may be echoed back in a rejection: trimmed and cut to a sane length.</summary>
    public static string? ForDisplay(string? phone)
    {
        var tidy = Tidy(phone)?.Replace("\0", "");
        return tidy is { Length: > ContactImportLimits.MaxPhoneLength } ? tidy[..ContactImportLimits.MaxPhoneLength] : tidy;
    }

    /// <returns>Why the row cannot be imported, or null.</returns>
    public static string? Problem(string? phone, string? firstName, string? lastName, string? timeZone) =>
        TooLong("phone", phone, ContactImportLimits.MaxPhoneLength)
        ?? TooLong("first_name", firstName, ContactImportLimits.MaxNameLength)
        ?? TooLong("last_name", lastName, ContactImportLimits.MaxNameLength)
        ?? TooLong("timezone", timeZone, ContactImportLimits.MaxTimeZoneLength)
        ?? HasNul("first_name", firstName)
        ?? HasNul("last_name", lastName);

    private static string? TooLong(string field, string? value, int max) =>
        value is not null && value.Length > max ? $"{field} is longer than {max} characters" : null;

    // PostgreSQL text cannot hold NUL: storing one would fail the whole import rather than this row.
    private static string? HasNul(string field, string? value) =>
        value is not null && value.Contains('\0') ? $"{field} contains a NUL character" : null;
}

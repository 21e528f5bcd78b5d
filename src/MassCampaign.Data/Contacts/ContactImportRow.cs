namespace MassCampaign.Data.Contacts;

/// <summary>
/// One valid, normalised contact of an import, ready for COPY.
/// </summary>
/// <param name="PhoneE164">The number in E.164 form: the contact's key.</param>
/// <param name="TimeZone">The canonical IANA zone the operator gave, if any.</param>
/// <param name="AttributesJson">A JSON object of the other fields, or null when there are none.</param>
/// <param name="ZoneKey">The recipient's zone key when the stored contact has no zone of its own.</param>
public sealed record ContactImportRow(
    string PhoneE164,
    string? FirstName,
    string? LastName,
    string? TimeZone,
    string? AttributesJson,
    string ZoneKey);

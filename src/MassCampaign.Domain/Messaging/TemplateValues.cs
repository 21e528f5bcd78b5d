namespace MassCampaign.Domain.Messaging;

/// <summary>
/// One recipient's values for an <see cref="SmsTemplate"/>. <see cref="Attributes"/> are the contact's
/// free-form attributes, looked up by the key after <c>attr.</c>; the caller chooses the key comparer.
/// </summary>
public sealed record TemplateValues(
    string? FirstName,
    string? LastName,
    string? Phone,
    string? TimeZone,
    IReadOnlyDictionary<string, string>? Attributes = null);

namespace MassCampaign.Domain.Messaging;

/// <summary>What a compiled template part stands for: fixed text or one recipient value.</summary>
internal enum TemplateField
{
    Literal,
    FirstName,
    LastName,
    Phone,
    TimeZone,
    Attribute,
}

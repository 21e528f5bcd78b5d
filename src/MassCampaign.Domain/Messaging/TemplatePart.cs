namespace MassCampaign.Domain.Messaging;

/// <summary>
/// One compiled piece of a template. <see cref="Text"/> is the literal text, or the attribute key for
/// <see cref="TemplateField.Attribute"/>; <see cref="Default"/> replaces a missing or blank value.
/// </summary>
internal readonly record struct TemplatePart(TemplateField Field, string Text, string Default)
{
    public static TemplatePart Literal(string text) => new(TemplateField.Literal, text, "");

    public string Resolve(TemplateValues values) => Field switch
    {
        TemplateField.Literal => Text,
        TemplateField.FirstName => OrDefault(values.FirstName),
        TemplateField.LastName => OrDefault(values.LastName),
        TemplateField.Phone => OrDefault(values.Phone),
        TemplateField.TimeZone => OrDefault(values.TimeZone),
        TemplateField.Attribute => OrDefault(values.Attributes is { } attributes && attributes.TryGetValue(Text, out var value) ? value : null),
        _ => throw new InvalidOperationException($"Template part of unknown field {Field}."),
    };

    private string OrDefault(string? value) => string.IsNullOrWhiteSpace(value) ? Default : value;
}

namespace MassCampaign.Domain.Messaging;

/// <summary>
/// One compiled piece of a template. <see cref="Text"/> is the literal text, or the attribute key for
/// <see cref="TemplateField.Attribute"/>; <see cref="Default"/> replaces a missing or blank value.
/// </summary>
internal readonly record struct TemplatePart(TemplateField Field, string Text, string Default)
{
    public static TemplatePart Literal(string text) => new(TemplateField.Literal, text, "");

    /// <param name="transformValue">
    /// Applied to a recipient's value, never to literal text or a default: those are written by the template's author.
    /// </param>
    public string Resolve(TemplateValues values, Func<string, string>? transformValue = null) => Field switch
    {
        TemplateField.Literal => Text,
        TemplateField.FirstName => OrDefault(values.FirstName, transformValue),
        TemplateField.LastName => OrDefault(values.LastName, transformValue),
        TemplateField.Phone => OrDefault(values.Phone, transformValue),
        TemplateField.TimeZone => OrDefault(values.TimeZone, transformValue),
        TemplateField.Attribute => OrDefault(
            values.Attributes is { } attributes && attributes.TryGetValue(Text, out var value) ? value : null, transformValue),
        _ => throw new InvalidOperationException($"Template part of unknown field {Field}."),
    };

    private string OrDefault(string? value, Func<string, string>? transformValue) =>
        string.IsNullOrWhiteSpace(value) ? Default
        : transformValue is null ? value
        : transformValue(value);
}

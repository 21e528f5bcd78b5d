using System.Diagnostics.CodeAnalysis;

namespace MassCampaign.Domain.Messaging;

/// <summary>
/// An SMS body with placeholders, compiled once into parts so rendering per recipient is a copy of
/// literal text and looked-up values, with no parsing on the hot path.
/// </summary>
public sealed class SmsTemplate
{
    private readonly TemplatePart[] _parts;

    private SmsTemplate(string text, TemplatePart[] parts)
    {
        Text = text;
        _parts = parts;
        Placeholders = parts
            .Where(p => p.Field != TemplateField.Literal)
            .Select(NameOf)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>Distinct placeholder names in order of first use, e.g. <c>first_name</c>, <c>attr.plan</c>.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out SmsTemplate? template,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);

        if (!SmsTemplateParser.TryParse(text, out var parts, out error))
        {
            template = null;
            return false;
        }

        template = new SmsTemplate(text, [.. parts]);
        return true;
    }

    /// <summary>A missing or blank value renders as the placeholder's default, or as nothing.</summary>
    public string Render(TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);

        // Values are resolved twice, to measure and then to copy, so the result is the only allocation.
        var length = 0;
        foreach (var part in _parts)
        {
            length += part.Resolve(values).Length;
        }

        return string.Create(length, (_parts, values), static (destination, state) =>
        {
            foreach (var part in state._parts)
            {
                var value = part.Resolve(state.values);
                value.CopyTo(destination);
                destination = destination[value.Length..];
            }
        });
    }

    /// <summary>Renders with each recipient value passed through <paramref name="transformValue"/>, e.g. to escape it for markup.</summary>
    internal string Render(TemplateValues values, Func<string, string> transformValue)
    {
        ArgumentNullException.ThrowIfNull(values);
        return string.Concat(_parts.Select(part => part.Resolve(values, transformValue)));
    }

    public override string ToString() => Text;

    private static string NameOf(TemplatePart part) => part.Field switch
    {
        TemplateField.FirstName => "first_name",
        TemplateField.LastName => "last_name",
        TemplateField.Phone => "phone",
        TemplateField.TimeZone => "timezone",
        _ => TemplatePlaceholders.AttributePrefix + part.Text,
    };
}

using System.Diagnostics.CodeAnalysis;

namespace MassCampaign.Domain.Messaging;

/// <summary>
/// Compiles template text into literal and placeholder parts. Placeholders are <c>{{name}}</c> or
/// <c>{{name|default}}</c> with optional spaces inside the braces. A brace outside a placeholder is an
/// error rather than literal text, so the common typo <c>{first_name}</c> never reaches recipients.
/// </summary>
internal static class SmsTemplateParser
{
    private const string Open = "{{";
    private const string Close = "}}";

    internal static bool TryParse(string text, out List<TemplatePart> parts, [NotNullWhen(false)] out string? error)
    {
        parts = [];
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '{' && c != '}')
            {
                i++;
                continue;
            }

            if (!text.AsSpan(i).StartsWith(Open))
            {
                error = StrayBrace(c, i);
                return false;
            }

            var close = text.IndexOf(Close, i + Open.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"The placeholder opened at character {i + 1} is never closed; close it with '}}}}'.";
                return false;
            }

            var body = text[(i + Open.Length)..close];
            if (body.AsSpan().ContainsAny('{', '}'))
            {
                error = $"The placeholder at character {i + 1} has unbalanced braces; write placeholders as {{{{first_name}}}}.";
                return false;
            }

            if (!TryParsePlaceholder(body, i, out var placeholder, out error))
            {
                return false;
            }

            if (i > literalStart)
            {
                parts.Add(TemplatePart.Literal(text[literalStart..i]));
            }

            parts.Add(placeholder);
            i = close + Close.Length;
            literalStart = i;
        }

        if (text.Length > literalStart)
        {
            parts.Add(TemplatePart.Literal(text[literalStart..]));
        }

        error = null;
        return true;
    }

    private static bool TryParsePlaceholder(
        string body, int at, out TemplatePart placeholder, [NotNullWhen(false)] out string? error)
    {
        var bar = body.IndexOf('|');
        var name = (bar < 0 ? body : body[..bar]).Trim();
        var fallback = bar < 0 ? "" : body[(bar + 1)..].Trim();
        placeholder = default;

        if (name.Length == 0)
        {
            error = $"The placeholder at character {at + 1} has no name; use {TemplatePlaceholders.KnownList}.";
            return false;
        }

        if (TemplatePlaceholders.FieldOf(name) is not { } field)
        {
            error = $"Unknown placeholder '{name}' at character {at + 1}; use {TemplatePlaceholders.KnownList}.";
            return false;
        }

        var key = field == TemplateField.Attribute ? TemplatePlaceholders.AttributeKey(name) : "";
        placeholder = new TemplatePart(field, key, fallback);
        error = null;
        return true;
    }

    private static string StrayBrace(char brace, int at) => brace == '{'
        ? $"Single '{{' at character {at + 1}; placeholders are written {{{{first_name}}}} and literal braces are not allowed."
        : $"'}}' at character {at + 1} does not close a placeholder; placeholders are written {{{{first_name}}}} and literal braces are not allowed.";
}

using System.Buffers;

namespace MassCampaign.Domain.Messaging;

/// <summary>The placeholder names an SMS template may use: <c>{{first_name}}</c>, <c>{{attr.plan|basic}}</c>.</summary>
public static class TemplatePlaceholders
{
    public const string AttributePrefix = "attr.";

    private static readonly SearchValues<char> AttributeKeyCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    public static IReadOnlyList<string> Known { get; } = ["first_name", "last_name", "phone", "timezone", AttributePrefix + "<key>"];

    /// <summary>The known names as one phrase for error messages.</summary>
    internal static string KnownList { get; } =
        $"{string.Join(", ", Known.Take(Known.Count - 1))} or {Known[^1]} (a key of letters, digits, '_' or '-')";

    /// <summary>Names match ignoring case; an attribute key keeps its case because contact attributes are looked up by it.</summary>
    internal static TemplateField? FieldOf(string name) => name.ToLowerInvariant() switch
    {
        "first_name" => TemplateField.FirstName,
        "last_name" => TemplateField.LastName,
        "phone" => TemplateField.Phone,
        "timezone" => TemplateField.TimeZone,
        _ when IsAttribute(name) => TemplateField.Attribute,
        _ => null,
    };

    internal static string AttributeKey(string name) => name[AttributePrefix.Length..];

    private static bool IsAttribute(string name) =>
        name.Length > AttributePrefix.Length
        && name.StartsWith(AttributePrefix, StringComparison.OrdinalIgnoreCase)
        && !name.AsSpan(AttributePrefix.Length).ContainsAnyExcept(AttributeKeyCharacters);
}

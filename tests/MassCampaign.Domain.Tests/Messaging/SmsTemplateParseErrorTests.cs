using MassCampaign.Domain.Messaging;

namespace MassCampaign.Domain.Tests.Messaging;

public sealed class SmsTemplateParseErrorTests
{
    private const string KnownNames = "first_name, last_name, phone, timezone or attr.<key>";

    private static string ParseError(string text)
    {
        Assert.False(SmsTemplate.TryParse(text, out var template, out var error));
        Assert.Null(template);
        return error;
    }

    [Theory]
    [InlineData("Hi {{firstname}}", "firstname")]
    [InlineData("Hi {{ FirstName | x }}", "FirstName")]
    [InlineData("{{email}}", "email")]
    [InlineData("{{attr.}}", "attr.")]
    [InlineData("{{attr}}", "attr")]
    [InlineData("{{attr.bad key}}", "attr.bad key")]
    [InlineData("{{attr.a.b}}", "attr.a.b")]
    [InlineData("{{attr.ключ}}", "attr.ключ")]
    [InlineData("{{first name}}", "first name")]
    public void Unknown_placeholder_is_named_and_the_known_ones_are_listed(string text, string name)
    {
        var error = ParseError(text);

        Assert.Contains($"Unknown placeholder '{name}'", error);
        Assert.Contains(KnownNames, error);
    }

    [Theory]
    [InlineData("Hi {{}}")]
    [InlineData("Hi {{   }}")]
    [InlineData("Hi {{ |there}}")]
    public void Placeholder_without_a_name_is_an_error(string text)
    {
        var error = ParseError(text);

        Assert.Contains("has no name", error);
        Assert.Contains(KnownNames, error);
    }

    [Theory]
    [InlineData("Hi {{first_name", "The placeholder opened at character 4 is never closed; close it with '}}'.")]
    [InlineData("Hi {{first_name}", "The placeholder opened at character 4 is never closed; close it with '}}'.")]
    [InlineData("Hi {first_name}", "Single '{' at character 4; placeholders are written {{first_name}} and literal braces are not allowed.")]
    [InlineData("Hi first_name}}", "'}' at character 14 does not close a placeholder; placeholders are written {{first_name}} and literal braces are not allowed.")]
    [InlineData("{{first_name}}}", "'}' at character 15 does not close a placeholder; placeholders are written {{first_name}} and literal braces are not allowed.")]
    [InlineData("{{{first_name}}}", "The placeholder at character 1 has unbalanced braces; write placeholders as {{first_name}}.")]
    [InlineData("{{a}b}}", "The placeholder at character 1 has unbalanced braces; write placeholders as {{first_name}}.")]
    [InlineData("{{first_name|{x}}}", "The placeholder at character 1 has unbalanced braces; write placeholders as {{first_name}}.")]
    [InlineData("Price {5}", "Single '{' at character 7; placeholders are written {{first_name}} and literal braces are not allowed.")]
    public void Unbalanced_braces_are_an_error_that_points_at_the_character(string text, string expected)
    {
        Assert.Equal(expected, ParseError(text));
    }

    [Fact]
    public void First_problem_in_the_text_is_reported()
    {
        Assert.Contains("'nope'", ParseError("{{first_name}} {{nope}} {{also_bad}}"));
    }
}

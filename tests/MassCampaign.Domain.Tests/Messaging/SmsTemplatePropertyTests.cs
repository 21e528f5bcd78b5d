using CsCheck;
using MassCampaign.Domain.Messaging;

namespace MassCampaign.Domain.Tests.Messaging;

public sealed class SmsTemplatePropertyTests
{
    private const string PlainCharacters = "abcXYZ019 .,!?|-_€[]\n";

    private static readonly Gen<string> Plain = Gen.Char[PlainCharacters].Array[0, 12].Select(c => new string(c));

    private static readonly Gen<string> Key = Gen.Char["abcXYZ09_-"].Array[1, 6].Select(c => new string(c));

    private static readonly Gen<string?> Value = Gen.Frequency(
        (3, Gen.Char["abcXYZ019 +/"].Array[0, 8].Select(c => (string?)new string(c))),
        (1, Gen.Const((string?)null)));

    private static readonly Gen<(string Name, string? Default)> Placeholder = Gen.Select(
        Gen.OneOf(
            Gen.OneOf("first_name", "last_name", "phone", "timezone"),
            Key.Select(k => "attr." + k)),
        Gen.Frequency((1, Gen.Const((string?)null)), (2, Gen.Char["abc XYZ.-"].Array[0, 6].Select(c => (string?)new string(c).Trim()))));

    private static readonly Gen<TemplateValues> Values = Gen.Select(
        Value, Value, Value, Value, Gen.Select(Key, Value).Array[0, 6],
        (first, last, phone, zone, attributes) => new TemplateValues(
            first, last, phone, zone,
            attributes.Where(a => a.Item2 is not null).DistinctBy(a => a.Item1).ToDictionary(a => a.Item1, a => a.Item2!)));

    [Fact]
    public void Text_without_braces_renders_to_itself()
    {
        Gen.Select(Plain, Values).Sample((text, values) =>
        {
            Assert.True(SmsTemplate.TryParse(text, out var template, out var error), error);
            Assert.Equal(text, template.Render(values));
            Assert.Empty(template.Placeholders);
        });
    }

    [Fact]
    public void Rendering_equals_concatenating_literals_with_each_value_or_its_default()
    {
        Gen.Select(Gen.Select(Plain, Placeholder).Array[0, 6], Plain, Values).Sample((pieces, tail, values) =>
        {
            var text = string.Concat(pieces.Select(p => p.Item1 + Write(p.Item2))) + tail;
            var expected = string.Concat(pieces.Select(p => p.Item1 + Expected(p.Item2, values))) + tail;

            Assert.True(SmsTemplate.TryParse(text, out var template, out var error), error);
            Assert.Equal(expected, template.Render(values));
        });
    }

    [Fact]
    public void A_lone_brace_anywhere_in_plain_text_is_rejected()
    {
        Gen.Select(Plain, Gen.Char["{}"], Gen.Int[0, 20]).Sample((text, brace, at) =>
        {
            var broken = text.Insert(at % (text.Length + 1), brace.ToString());

            Assert.False(SmsTemplate.TryParse(broken, out _, out var error));
            Assert.Contains("character", error);
        });
    }

    private static string Write((string Name, string? Default) placeholder) =>
        placeholder.Default is null ? $"{{{{ {placeholder.Name} }}}}" : $"{{{{{placeholder.Name}|{placeholder.Default}}}}}";

    private static string Expected((string Name, string? Default) placeholder, TemplateValues values)
    {
        var value = placeholder.Name switch
        {
            "first_name" => values.FirstName,
            "last_name" => values.LastName,
            "phone" => values.Phone,
            "timezone" => values.TimeZone,
            _ => values.Attributes!.GetValueOrDefault(placeholder.Name["attr.".Length..]),
        };

        return string.IsNullOrWhiteSpace(value) ? placeholder.Default ?? "" : value;
    }
}

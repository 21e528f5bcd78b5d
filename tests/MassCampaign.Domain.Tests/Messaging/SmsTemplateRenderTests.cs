using MassCampaign.Domain.Messaging;

namespace MassCampaign.Domain.Tests.Messaging;

public sealed class SmsTemplateRenderTests
{
    private static readonly TemplateValues Ann = new(
        "Ann",
        "Lee",
        "+14155550100",
        "America/Los_Angeles",
        new Dictionary<string, string> { ["plan"] = "Gold", ["Plan"] = "upper", ["due-date"] = "May 3", ["blank"] = " " });

    private static readonly TemplateValues Nobody = new(null, null, null, null);

    private static SmsTemplate Parse(string text)
    {
        Assert.True(SmsTemplate.TryParse(text, out var template, out var error), error);
        return template;
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("No placeholders here.", "No placeholders here.")]
    [InlineData("Hi {{first_name}}!", "Hi Ann!")]
    [InlineData("Hi {{ first_name }}!", "Hi Ann!")]
    [InlineData("{{first_name}}{{last_name}}", "AnnLee")]
    [InlineData("{{last_name}}, {{first_name}}", "Lee, Ann")]
    [InlineData("Call {{phone}} ({{timezone}})", "Call +14155550100 (America/Los_Angeles)")]
    [InlineData("Plan: {{attr.plan}}", "Plan: Gold")]
    [InlineData("Plan: {{attr.Plan}}", "Plan: upper")]
    [InlineData("Due {{ attr.due-date }}", "Due May 3")]
    [InlineData("Hi {{First_Name}} {{LAST_NAME}}", "Hi Ann Lee")]
    [InlineData("{{ATTR.plan}}", "Gold")]
    [InlineData("Hi {{first_name|there}}", "Hi Ann")]
    [InlineData("€5 off [today] for {{first_name}} | reply STOP", "€5 off [today] for Ann | reply STOP")]
    public void Placeholders_are_replaced_by_the_recipients_values(string text, string expected)
    {
        Assert.Equal(expected, Parse(text).Render(Ann));
    }

    [Theory]
    [InlineData("Hi {{first_name|there}}!", "Hi there!")]
    [InlineData("Hi {{ first_name | there }}!", "Hi there!")]
    [InlineData("Hi {{first_name|dear customer}}!", "Hi dear customer!")]
    [InlineData("Hi {{first_name}}!", "Hi !")]
    [InlineData("Hi {{first_name|}}!", "Hi !")]
    [InlineData("{{last_name|-}} {{phone|n/a}} {{timezone|UTC}}", "- n/a UTC")]
    [InlineData("{{attr.plan|basic}}", "basic")]
    [InlineData("{{first_name|a|b}}", "a|b")]
    public void Missing_value_renders_as_the_default_or_nothing(string text, string expected)
    {
        Assert.Equal(expected, Parse(text).Render(Nobody));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_value_counts_as_missing(string blank)
    {
        var values = new TemplateValues(blank, null, null, null);

        Assert.Equal("Hi there", Parse("Hi {{first_name|there}}").Render(values));
    }

    [Fact]
    public void Missing_or_blank_attribute_renders_as_the_default()
    {
        var template = Parse("{{attr.unknown|x}} {{attr.blank|y}}");

        Assert.Equal("x y", template.Render(Ann));
        Assert.Equal("x y", template.Render(Nobody));
    }

    [Fact]
    public void Template_lists_its_distinct_placeholders_in_order_of_first_use()
    {
        var template = Parse("{{attr.plan}} {{ First_Name }} {{first_name|x}} {{timezone}} {{attr.plan}} {{phone}} {{last_name}}");

        Assert.Equal(["attr.plan", "first_name", "timezone", "phone", "last_name"], template.Placeholders);
    }

    [Fact]
    public void Template_keeps_its_source_text()
    {
        const string text = "Hi {{ first_name | there }}";

        Assert.Equal(text, Parse(text).Text);
        Assert.Equal(text, Parse(text).ToString());
    }

    [Fact]
    public void One_template_renders_each_recipient_independently()
    {
        var template = Parse("Hi {{first_name|there}}, your plan is {{attr.plan|basic}}.");

        Assert.Equal("Hi Ann, your plan is Gold.", template.Render(Ann));
        Assert.Equal("Hi there, your plan is basic.", template.Render(Nobody));
        Assert.Equal("Hi Ann, your plan is Gold.", template.Render(Ann));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => SmsTemplate.TryParse(null!, out _, out _));
        Assert.Throws<ArgumentNullException>(() => Parse("x").Render(null!));
    }
}

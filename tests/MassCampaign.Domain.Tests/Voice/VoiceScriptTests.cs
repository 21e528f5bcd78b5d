using MassCampaign.Domain.Messaging;
using MassCampaign.Domain.Voice;

namespace MassCampaign.Domain.Tests.Voice;

public sealed class VoiceScriptTests
{
    private static readonly TemplateValues Tricky = new(
        "Tom & \"Jerry\"", "O'Brien", "+14155550100", "UTC", new Dictionary<string, string> { ["shop"] = "<Smith & Sons>" });

    private static VoiceScript Parse(string text)
    {
        Assert.True(VoiceScript.TryParse(text, out var script, out var error), error);
        return script;
    }

    [Fact]
    public void A_plain_script_renders_values_as_they_are()
    {
        var script = Parse("Hello {{first_name}} {{last_name}}, this is {{attr.shop}}.");

        Assert.False(script.IsSsml);
        Assert.Equal("Hello Tom & \"Jerry\" O'Brien, this is <Smith & Sons>.", script.Render(Tricky));
    }

    [Fact]
    public void An_ssml_script_escapes_the_recipients_values_and_keeps_its_own_markup()
    {
        var script = Parse("""<speak>Hello {{first_name}} {{last_name}}<break time="1s"/>from {{attr.shop}}.</speak>""");

        Assert.True(script.IsSsml);
        Assert.Equal(
            """<speak>Hello Tom &amp; &quot;Jerry&quot; O&apos;Brien<break time="1s"/>from &lt;Smith &amp; Sons&gt;.</speak>""",
            script.Render(Tricky));
    }

    [Fact]
    public void A_default_is_part_of_the_script_and_is_not_escaped_again()
    {
        var script = Parse("<speak>Hi {{first_name|Smith &amp; Sons customer}}</speak>");

        Assert.Equal("<speak>Hi Smith &amp; Sons customer</speak>", script.Render(new TemplateValues(null, null, null, null)));
    }

    [Theory]
    [InlineData("<speak>Hi</speak>", true)]
    [InlineData("  \n<speak xml:lang=\"en-US\">Hi</speak>", true)]
    [InlineData("<speak/>", true)]
    [InlineData("<speaker>Hi</speaker>", false)]
    [InlineData("<SPEAK>Hi</SPEAK>", false)]
    [InlineData("Say <speak>", false)]
    [InlineData("Hi", false)]
    public void Only_a_script_that_starts_with_a_speak_element_is_ssml(string text, bool ssml)
    {
        Assert.Equal(ssml, Parse(text).IsSsml);
    }

    [Theory]
    [InlineData("Hi {{nickname}}", "Unknown placeholder 'nickname'")]
    [InlineData("Hi {first_name}", "Single '{'")]
    [InlineData("Hi {{first_name", "never closed")]
    public void A_script_uses_the_sms_template_syntax(string text, string message)
    {
        Assert.False(VoiceScript.TryParse(text, out var script, out var error));
        Assert.Null(script);
        Assert.Contains(message, error);
    }

    [Fact]
    public void A_script_of_1500_characters_is_accepted_and_1501_is_too_long()
    {
        Assert.Equal(1500, VoiceScript.MaxLength);
        Assert.Equal(new string('a', 1500), Parse(new string('a', 1500)).Text);
        Assert.False(VoiceScript.TryParse(new string('a', 1501), out _, out var error));
        Assert.Equal("The voice script is 1501 characters long; shorten it to at most 1500.", error);
    }

    [Fact]
    public void A_rendering_of_1500_characters_fits_a_talk_action()
    {
        var script = Parse(new string('a', 1480) + "{{first_name}}");

        Assert.True(script.TryRender(new TemplateValues(new string('b', 20), null, null, null), out var text, out var error));
        Assert.Null(error);
        Assert.Equal(1500, text.Length);
    }

    [Fact]
    public void A_rendering_over_1500_characters_says_how_long_it_is()
    {
        var script = Parse(new string('a', 1480) + "{{first_name}}");

        Assert.False(script.TryRender(new TemplateValues(new string('b', 21), null, null, null), out var text, out var error));
        Assert.Equal(1501, text.Length);
        Assert.Equal(
            "The voice script renders to 1501 characters for this recipient; Vonage speaks at most 1500, " +
            "so shorten the script or the values it speaks.",
            error);
    }

    [Fact]
    public void Escaping_counts_towards_the_limit()
    {
        var script = Parse("<speak>" + new string('a', 1471) + "{{first_name}}</speak>");

        // Four characters as given would fit (1490); escaped they are twenty.
        Assert.False(script.TryRender(new TemplateValues("&&&&", null, null, null), out var text, out _));
        Assert.Equal(1471 + "<speak></speak>".Length + 4 * "&amp;".Length, text.Length);
    }
}

using MassCampaign.Domain.Voice;

namespace MassCampaign.Domain.Tests.Voice;

public sealed class NccoTests
{
    private static readonly Uri InputUrl = new("https://campaigns.example.com/api/voice/input?ref=c1:r2&code=k");

    [Fact]
    public void Answer_speaks_the_script_then_waits_five_seconds_for_one_key()
    {
        var ncco = Ncco.Answer("Hello Ann", InputUrl);

        Assert.Equal(
            """
            [{"action":"talk","text":"Hello Ann","language":"en-US","bargeIn":true},{"action":"input","type":["dtmf"],"dtmf":{"maxDigits":1,"timeOut":5},"eventUrl":["https://campaigns.example.com/api/voice/input?ref=c1:r2\u0026code=k"]}]
            """,
            ncco.ToJsonString());
    }

    [Fact]
    public void Answer_speaks_in_the_language_given_and_keeps_ssml_as_text()
    {
        var ncco = Ncco.Answer("<speak>Olá</speak>", InputUrl, "pt-PT");

        Assert.Equal("pt-PT", ncco[0]!["language"]!.GetValue<string>());
        Assert.Equal("<speak>Olá</speak>", ncco[0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Answer_keeps_the_input_url_escaped()
    {
        var ncco = Ncco.Answer("Hi", new Uri("https://example.com/api/voice/input?ref=a%2Fb%20c"));

        Assert.Equal("https://example.com/api/voice/input?ref=a%2Fb%20c", ncco[1]!["eventUrl"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Answer_needs_an_absolute_input_url()
    {
        Assert.Throws<ArgumentException>(() => Ncco.Answer("Hi", new Uri("/api/voice/input", UriKind.Relative)));
    }

    [Fact]
    public void Say_speaks_one_reply()
    {
        Assert.Equal("""[{"action":"talk","text":"Thank you, goodbye."}]""", Ncco.Say("Thank you, goodbye.").ToJsonString());
    }

    [Fact]
    public void Empty_has_no_actions()
    {
        Assert.Equal("[]", Ncco.Empty().ToJsonString());
    }
}

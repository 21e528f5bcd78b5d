using MassCampaign.Domain.Voice;

namespace MassCampaign.Domain.Tests.Voice;

public sealed class CallOutcomeNamesTests
{
    [Fact]
    public void Every_outcome_has_a_camel_case_wire_name_that_parses_in_any_case()
    {
        Assert.Equal(["answered", "voicemail", "busy", "noAnswer", "failed", "optedOut"], CallOutcomeNames.All);
        foreach (var outcome in Enum.GetValues<CallOutcome>())
        {
            Assert.True(CallOutcomeNames.TryParse(CallOutcomeNames.ToWire(outcome).ToUpperInvariant(), out var parsed));
            Assert.Equal(outcome, parsed);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("no_answer")]
    [InlineData("completed")]
    public void Other_names_do_not_parse(string? text)
    {
        Assert.False(CallOutcomeNames.TryParse(text, out _));
    }

    [Fact]
    public void An_undefined_outcome_has_no_wire_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CallOutcomeNames.ToWire((CallOutcome)42));
    }
}

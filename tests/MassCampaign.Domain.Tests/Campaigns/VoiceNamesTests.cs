using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class VoiceNamesTests
{
    [Fact]
    public void Machine_detection_has_camel_case_wire_names_that_parse_in_any_case()
    {
        Assert.Equal(["leaveMessage", "hangup", "off"], MachineDetectionNames.All);
        foreach (var detection in Enum.GetValues<MachineDetection>())
        {
            Assert.True(MachineDetectionNames.TryParse(MachineDetectionNames.ToWire(detection).ToUpperInvariant(), out var parsed));
            Assert.Equal(detection, parsed);
        }
    }

    [Fact]
    public void Hybrid_mode_has_camel_case_wire_names_that_parse_in_any_case()
    {
        Assert.Equal(["smsFirst", "callFirst"], HybridModeNames.All);
        foreach (var mode in Enum.GetValues<HybridMode>())
        {
            Assert.True(HybridModeNames.TryParse(HybridModeNames.ToWire(mode).ToLowerInvariant(), out var parsed));
            Assert.Equal(mode, parsed);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("leave_message")]
    [InlineData("sms")]
    public void Other_names_do_not_parse(string? text)
    {
        Assert.False(MachineDetectionNames.TryParse(text, out _));
        Assert.False(HybridModeNames.TryParse(text, out _));
    }

    [Fact]
    public void Undefined_enum_values_have_no_wire_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MachineDetectionNames.ToWire((MachineDetection)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => HybridModeNames.ToWire((HybridMode)9));
    }
}

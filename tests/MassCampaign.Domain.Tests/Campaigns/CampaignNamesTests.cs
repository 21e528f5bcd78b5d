using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class CampaignNamesTests
{
    [Theory]
    [InlineData(CampaignType.Sms, "sms")]
    [InlineData(CampaignType.Voice, "voice")]
    [InlineData(CampaignType.Hybrid, "hybrid")]
    public void Campaign_type_has_a_lower_case_wire_name(CampaignType type, string name)
    {
        Assert.Equal(name, CampaignTypeNames.ToWire(type));
    }

    [Theory]
    [InlineData(CampaignStatus.Draft, "draft")]
    [InlineData(CampaignStatus.Scheduled, "scheduled")]
    [InlineData(CampaignStatus.Queued, "queued")]
    [InlineData(CampaignStatus.Running, "running")]
    [InlineData(CampaignStatus.Paused, "paused")]
    [InlineData(CampaignStatus.Completed, "completed")]
    [InlineData(CampaignStatus.Stopped, "stopped")]
    [InlineData(CampaignStatus.Failed, "failed")]
    public void Campaign_status_has_a_lower_case_wire_name(CampaignStatus status, string name)
    {
        Assert.Equal(name, CampaignStatusNames.ToWire(status));
    }

    [Fact]
    public void Every_campaign_type_round_trips_through_its_wire_name_in_any_case()
    {
        foreach (var type in Enum.GetValues<CampaignType>())
        {
            var name = CampaignTypeNames.ToWire(type);
            Assert.True(CampaignTypeNames.TryParse(name, out var parsed));
            Assert.Equal(type, parsed);
            Assert.True(CampaignTypeNames.TryParse(name.ToUpperInvariant(), out parsed));
            Assert.Equal(type, parsed);
        }

        Assert.Equal(["sms", "voice", "hybrid"], CampaignTypeNames.All);
    }

    [Fact]
    public void Every_campaign_status_round_trips_through_its_wire_name_in_any_case()
    {
        foreach (var status in Enum.GetValues<CampaignStatus>())
        {
            var name = CampaignStatusNames.ToWire(status);
            Assert.True(CampaignStatusNames.TryParse(name, out var parsed));
            Assert.Equal(status, parsed);
            Assert.True(CampaignStatusNames.TryParse(char.ToUpperInvariant(name[0]) + name[1..], out parsed));
            Assert.Equal(status, parsed);
        }

        Assert.Equal(8, CampaignStatusNames.All.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" sms")]
    [InlineData("smss")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("email")]
    public void Unknown_campaign_type_name_does_not_parse(string? text)
    {
        Assert.False(CampaignTypeNames.TryParse(text, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("run")]
    [InlineData("3")]
    [InlineData("suspended")]
    public void Unknown_campaign_status_name_does_not_parse(string? text)
    {
        Assert.False(CampaignStatusNames.TryParse(text, out _));
    }

    [Fact]
    public void Undefined_enum_values_have_no_wire_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CampaignTypeNames.ToWire((CampaignType)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => CampaignStatusNames.ToWire((CampaignStatus)99));
    }
}

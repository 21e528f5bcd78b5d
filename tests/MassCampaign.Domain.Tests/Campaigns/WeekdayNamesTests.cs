using MassCampaign.Domain.Campaigns;
using NodaTime;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class WeekdayNamesTests
{
    [Theory]
    [InlineData(IsoDayOfWeek.Monday, "Mon")]
    [InlineData(IsoDayOfWeek.Tuesday, "Tue")]
    [InlineData(IsoDayOfWeek.Wednesday, "Wed")]
    [InlineData(IsoDayOfWeek.Thursday, "Thu")]
    [InlineData(IsoDayOfWeek.Friday, "Fri")]
    [InlineData(IsoDayOfWeek.Saturday, "Sat")]
    [InlineData(IsoDayOfWeek.Sunday, "Sun")]
    public void Day_round_trips_through_its_three_letter_name_in_any_case(IsoDayOfWeek day, string name)
    {
        Assert.Equal(name, WeekdayNames.ToWire(day));
        Assert.True(WeekdayNames.TryParse(name.ToLowerInvariant(), out var parsed));
        Assert.Equal(day, parsed);
        Assert.True(WeekdayNames.TryParse(name.ToUpperInvariant(), out parsed));
        Assert.Equal(day, parsed);
    }

    [Fact]
    public void None_is_not_a_day()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeekdayNames.ToWire(IsoDayOfWeek.None));
        Assert.False(WeekdayNames.TryParse("None", out _));
    }
}

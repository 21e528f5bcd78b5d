using CsCheck;
using MassCampaign.Domain.Scheduling;

namespace MassCampaign.Domain.Tests.Scheduling;

public sealed class ZoneKeyTests
{
    [Fact]
    public void Key_is_the_distinct_zones_in_ordinal_order_joined_by_a_bar()
    {
        var key = ZoneKey.Create(["America/Los_Angeles", "America/Boise", "America/Los_Angeles"]);

        Assert.Equal("America/Boise|America/Los_Angeles", key);
    }

    [Fact]
    public void Aliases_become_their_canonical_zone()
    {
        Assert.Equal("Asia/Kathmandu", ZoneKey.Create(["Asia/Katmandu"]));
        Assert.Equal("America/New_York", ZoneKey.Create(["US/Eastern", "America/New_York"]));
    }

    [Fact]
    public void Split_gives_back_the_zones_of_a_key()
    {
        Assert.Equal(["America/Boise", "America/Los_Angeles"], ZoneKey.Split("America/Boise|America/Los_Angeles"));
        Assert.Equal(["Asia/Kathmandu"], ZoneKey.Split("Asia/Kathmandu"));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Etc/Unknown")]
    [InlineData("america/new_york")]
    public void Zone_unknown_to_the_tz_database_is_refused(string zoneId)
    {
        Assert.Throws<ArgumentException>(() => ZoneKey.Create([zoneId]));
    }

    [Fact]
    public void Key_without_zones_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ZoneKey.Create([]));
        Assert.ThrowsAny<ArgumentException>(() => ZoneKey.Split(""));
        Assert.Throws<ArgumentException>(() => ZoneKey.Split("Europe/London|"));
    }

    [Fact]
    public void Split_then_create_round_trips_any_key()
    {
        var zoneIds = NodaTime.DateTimeZoneProviders.Tzdb.Ids.ToArray();
        Gen.OneOf(zoneIds).Array[1, 5].Sample(ids =>
        {
            var key = ZoneKey.Create(ids);
            var parts = ZoneKey.Split(key);

            Assert.Equal(parts.Distinct().Order(StringComparer.Ordinal), parts);
            Assert.Equal(key, ZoneKey.Create(parts));
        });
    }
}

using MassCampaign.Domain.Scheduling;
using PhoneNumbers;

namespace MassCampaign.Domain.Tests.Scheduling;

public sealed class RecipientZoneResolverTests
{
    // Numbers picked from libphonenumber's time-zone data (COMPLIANCE.md §1.4): +1 208 200 is split between
    // Boise and Los Angeles, +1 208 201 is Denver; +1 270 200 is New York and +1 270 202 Chicago.
    private const string IdahoSplit = "+12082004567";
    private const string IdahoMountain = "+12082014567";
    private const string KentuckyEastern = "+12702004567";
    private const string KentuckyCentral = "+12702024567";
    private const string Phoenix = "+16025551234";
    private const string Nepal = "+9779841234567";
    private const string TollFree = "+18005551234";

    private readonly RecipientZoneResolver resolver = new();

    [Fact]
    public void Zone_aliases_of_one_zone_count_once_against_the_candidate_limit()
    {
        // UK mobiles map to Guernsey, Isle of Man, Jersey and London: four names, one zone.
        var ukMobile = PhoneNumberUtil.GetInstance().GetExampleNumberForType("GB", PhoneNumberType.MOBILE);
        var e164 = PhoneNumberUtil.GetInstance().Format(ukMobile, PhoneNumberFormat.E164);
        Assert.Equal("Europe/London", resolver.Resolve(null, e164, "America/New_York"));
    }

    [Fact]
    public void Contact_zone_wins_over_the_number_and_the_campaign()
    {
        Assert.Equal("Europe/London", resolver.Resolve("Europe/London", Phoenix, "America/New_York"));
    }

    [Fact]
    public void Contact_zone_alias_is_stored_as_its_canonical_zone()
    {
        Assert.Equal("America/New_York", resolver.Resolve(" US/Eastern ", Phoenix, "Europe/London"));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Etc/Unknown")]
    [InlineData("")]
    [InlineData(null)]
    public void Unusable_contact_zone_falls_back_to_the_number(string? contactZone)
    {
        Assert.Equal("America/Phoenix", resolver.Resolve(contactZone, Phoenix, "Europe/London"));
    }

    [Fact]
    public void Split_idaho_exchange_gives_both_of_its_zones()
    {
        var key = resolver.Resolve(null, IdahoSplit, "America/New_York");

        Assert.Equal("America/Boise|America/Los_Angeles", key);
        Assert.Equal(["America/Boise", "America/Los_Angeles"], ZoneKey.Split(key));
    }

    [Theory]
    [InlineData(IdahoMountain, "America/Denver")]
    [InlineData(KentuckyEastern, "America/New_York")]
    [InlineData(KentuckyCentral, "America/Chicago")]
    public void Exchange_decides_the_zone_inside_a_split_area_code(string e164, string zone)
    {
        Assert.Equal(zone, resolver.Resolve(null, e164, "Europe/London"));
    }

    [Fact]
    public void Number_zone_alias_from_libphonenumber_is_canonicalised()
    {
        var mapperZones = PhoneNumberToTimeZonesMapper.GetInstance()
            .GetTimeZonesForNumber(PhoneNumberUtil.GetInstance().Parse(Nepal, null));

        Assert.Equal(["Asia/Katmandu"], mapperZones);
        Assert.Equal("Asia/Kathmandu", resolver.Resolve(null, Nepal, "Europe/London"));
    }

    [Fact]
    public void Non_geographic_number_with_dozens_of_zones_falls_back_to_the_campaign_zone()
    {
        Assert.Equal("America/Chicago", resolver.Resolve(null, TollFree, "America/Chicago"));
    }

    [Fact]
    public void Raising_the_candidate_limit_keeps_every_zone_of_the_number()
    {
        var lenient = new RecipientZoneResolver(maxCandidateZones: 100);

        var zones = ZoneKey.Split(lenient.Resolve(null, TollFree, "America/Chicago"));

        Assert.True(zones.Count > RecipientZoneResolver.DefaultMaxCandidateZones);
        Assert.Contains("America/Phoenix", zones);
        Assert.Contains("Pacific/Honolulu", zones);
    }

    [Fact]
    public void Number_with_more_zones_than_the_limit_falls_back_to_the_campaign_zone()
    {
        var strict = new RecipientZoneResolver(maxCandidateZones: 1);

        Assert.Equal("America/New_York", strict.Resolve(null, IdahoSplit, "America/New_York"));
        Assert.Equal("America/Denver", strict.Resolve(null, IdahoMountain, "America/New_York"));
    }

    [Theory]
    [InlineData("+11234567890")]
    [InlineData("+999123456")]
    [InlineData("2082004567")]
    [InlineData("+")]
    [InlineData("")]
    [InlineData(null)]
    public void Missing_or_unmappable_number_falls_back_to_the_campaign_zone(string? e164)
    {
        Assert.Equal("Australia/Lord_Howe", resolver.Resolve(null, e164, "Australia/Lord_Howe"));
    }

    [Theory]
    [InlineData("Etc/Unknown")]
    [InlineData("Nowhere/Special")]
    public void Campaign_zone_unknown_to_the_tz_database_is_refused(string campaignZone)
    {
        Assert.Throws<ArgumentException>(() => resolver.Resolve("Europe/London", Phoenix, campaignZone));
    }

    [Fact]
    public void Candidate_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecipientZoneResolver(0));
    }
}

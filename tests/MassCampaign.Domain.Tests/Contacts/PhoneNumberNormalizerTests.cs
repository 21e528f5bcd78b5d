using MassCampaign.Domain.Contacts;

namespace MassCampaign.Domain.Tests.Contacts;

public sealed class PhoneNumberNormalizerTests
{
    private readonly PhoneNumberNormalizer us = new("US");

    [Theory]
    [InlineData("(208) 200-4567", "+12082004567")]
    [InlineData("208.200.4567", "+12082004567")]
    [InlineData("1 208 200 4567", "+12082004567")]
    [InlineData("  +1 (208) 200-4567  ", "+12082004567")]
    [InlineData("tel:+1-208-200-4567", "+12082004567")]
    [InlineData("1-800-FLOWERS", "+18003569377")]
    [InlineData("+44 020 7946 0000", "+442079460000")]
    [InlineData("011 44 20 7946 0000", "+442079460000")]
    [InlineData("+39 06 1234 5678", "+390612345678")]
    [InlineData("+977 984-1234567", "+9779841234567")]
    public void Valid_number_in_any_common_writing_becomes_e164(string raw, string e164)
    {
        var result = us.Normalize(raw);

        Assert.Equal(PhoneNormalization.Valid(e164), result);
    }

    [Fact]
    public void Canonical_e164_input_is_returned_as_the_same_string()
    {
        var raw = string.Concat("+1208", "2004567");

        var result = us.Normalize(raw);

        Assert.True(result.IsValid);
        Assert.Same(raw, result.E164);
    }

    [Theory]
    [InlineData("+11234567890", "invalid for region US")]
    [InlineData("+1208", "too short for region US")]
    [InlineData("+1208200456789", "too long for region US")]
    [InlineData("+999123456", "unknown country code after +")]
    public void Canonical_looking_input_is_still_validated(string raw, string reason)
    {
        Assert.Equal(PhoneNormalization.Invalid(reason), us.Normalize(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_number_is_rejected_as_empty(string? raw)
    {
        Assert.Equal(PhoneNormalization.Invalid("empty"), us.Normalize(raw));
    }

    [Theory]
    [InlineData("n/a")]
    [InlineData("call me")]
    [InlineData("+")]
    [InlineData("1")]
    public void Text_without_a_number_is_rejected_as_not_a_phone_number(string raw)
    {
        Assert.Equal(PhoneNormalization.Invalid("not a phone number"), us.Normalize(raw));
    }

    [Fact]
    public void Foreign_number_written_without_plus_says_the_default_region_was_assumed()
    {
        var result = us.Normalize("4402079460000");

        Assert.Equal(
            PhoneNormalization.Invalid("too long for region US; numbers without + need a country: default region is US"),
            result);
    }

    [Fact]
    public void Short_national_number_is_too_short_for_the_default_region()
    {
        var result = us.Normalize("208200456");

        Assert.Equal(
            PhoneNormalization.Invalid("too short for region US; numbers without + need a country: default region is US"),
            result);
    }

    [Fact]
    public void Number_valid_in_length_but_not_in_the_numbering_plan_is_invalid_for_its_region()
    {
        Assert.Equal(PhoneNormalization.Invalid("invalid for region GB"), us.Normalize("+44 1000 000000"));
    }

    [Fact]
    public void Number_libphonenumber_accepts_but_longer_than_e164_allows_is_rejected()
    {
        var result = new PhoneNumberNormalizer("DE").Normalize("0931 736252236139");

        Assert.Equal(PhoneNormalization.Invalid("too long: E.164 allows at most 15 digits"), result);
    }

    [Fact]
    public void Number_with_an_extension_is_rejected_because_it_cannot_be_dialled()
    {
        var result = us.Normalize("+1 208 200 4567 ext 12");

        Assert.False(result.IsValid);
        Assert.Null(result.E164);
        Assert.Equal("has an extension, which a campaign cannot dial", result.Reason);
    }

    [Fact]
    public void Default_region_decides_how_national_numbers_are_read()
    {
        var gb = new PhoneNumberNormalizer("gb");

        Assert.Equal("GB", gb.DefaultRegion);
        Assert.Equal(PhoneNormalization.Valid("+442079460000"), gb.Normalize("020 7946 0000"));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("USA")]
    [InlineData(" ")]
    public void Unknown_default_region_is_refused(string region)
    {
        Assert.ThrowsAny<ArgumentException>(() => new PhoneNumberNormalizer(region));
    }
}

using System.Text.Json;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class SenderValidationTests
{
    private static readonly CampaignDraft Sms = new(
        "Spring sale", "sms", "Hi", null, "ACME", new CallingWindowDraft(null, null, null, "UTC"));

    [Theory]
    [InlineData("+14155550100")]
    [InlineData("14155550100")]
    [InlineData("83835")]
    [InlineData("1234")]
    [InlineData("+1234")]
    [InlineData("123456789012345")]
    [InlineData("+123456789012345")]
    public void Four_to_fifteen_digits_with_optional_plus_is_a_number(string from)
    {
        Assert.Equal(SenderKind.Number, Senders.KindOf(from));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("ACME")]
    [InlineData("Acme Ltd")]
    [InlineData("MyShop2024")]
    [InlineData("ABCDEFGHIJK")]
    [InlineData("1A")]
    [InlineData("123")]
    public void Up_to_eleven_ascii_letters_digits_or_spaces_with_a_letter_is_an_alphanumeric_id(string from)
    {
        var expected = from.Any(char.IsAsciiLetter) ? SenderKind.Alphanumeric : (SenderKind?)null;

        Assert.Equal(expected, Senders.KindOf(from));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("123")]
    [InlineData("+123")]
    [InlineData("1234567890123456")]
    [InlineData("+1234567890123456")]
    [InlineData("ABCDEFGHIJKL")]
    [InlineData("ACME-Shop")]
    [InlineData("   ")]
    [InlineData("12 34")]
    [InlineData("+1 415 555 01")]
    [InlineData("+ACME")]
    [InlineData("Café")]
    [InlineData("ＡＣＭＥ")]
    [InlineData("٤١٥٥٥٥٠١")]
    [InlineData("++14155550100")]
    public void Anything_else_is_not_a_sender(string? from)
    {
        Assert.Null(Senders.KindOf(from));
    }

    [Fact]
    public void Missing_sender_explains_both_accepted_shapes()
    {
        var error = Assert.Single(CampaignValidator.Validate(Sms with { From = null }));

        Assert.Equal("from", error.Field);
        Assert.Equal(
            "A sender is required: an alphanumeric sender ID of 1 to 11 letters, digits or spaces with at least one letter, " +
            "or a phone number of 4 to 15 digits with an optional leading '+'.",
            error.Message);
    }

    [Fact]
    public void Invalid_sender_is_quoted_back()
    {
        var error = Assert.Single(CampaignValidator.Validate(Sms with { From = "ACME-Shop" }));

        Assert.Equal("from", error.Field);
        Assert.StartsWith("'ACME-Shop' is not a valid sender; use an alphanumeric sender ID", error.Message);
    }

    [Theory]
    [InlineData("voice")]
    [InlineData("hybrid")]
    public void Calls_need_a_phone_number_not_an_alphanumeric_sender_id(string type)
    {
        var draft = Sms with
        {
            Type = type, VoiceScript = "Hello", From = "ACME", Settings = JsonSerializer.Deserialize<JsonElement>("""{"hybrid": {"mode": "smsFirst"}}"""),
        };

        var error = Assert.Single(CampaignValidator.Validate(draft));

        Assert.Equal("from", error.Field);
        Assert.Contains("calls need a phone number as caller ID", error.Message);
        Assert.Empty(CampaignValidator.Validate(draft with { From = "+442071838750" }));
    }
}

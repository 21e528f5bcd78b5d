using System.Text.Json;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class CampaignValidatorTests
{
    private static readonly CallingWindowDraft NewYork = new(null, null, null, "America/New_York");

    private static readonly CampaignDraft Sms = new("Spring sale", "sms", "Hi {{first_name|there}}, 20% off today.", null, "ACME", NewYork);

    private static readonly CampaignDraft Voice = new("Reminder calls", "voice", null, "Your appointment is tomorrow.", "+14155550100", NewYork);

    private static readonly CampaignDraft Hybrid = Voice with { Type = "hybrid", SmsTemplate = "Hi {{first_name}}" };

    private static IReadOnlyList<ValidationError> Validate(CampaignDraft draft) => CampaignValidator.Validate(draft);

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);

    private static ValidationError SingleError(CampaignDraft draft) => Assert.Single(Validate(draft));

    [Fact]
    public void Valid_sms_voice_and_hybrid_campaigns_have_no_errors()
    {
        Assert.Empty(Validate(Sms));
        Assert.Empty(Validate(Voice));
        Assert.Empty(Validate(Hybrid));
    }

    [Theory]
    [InlineData("SMS")]
    [InlineData("Sms")]
    public void Type_is_matched_ignoring_case(string type)
    {
        Assert.Empty(Validate(Sms with { Type = type }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_name_is_required(string? name)
    {
        Assert.Equal(new ValidationError("name", "A name is required: 1 to 200 characters."), SingleError(Sms with { Name = name }));
    }

    [Fact]
    public void Name_of_200_characters_is_accepted_and_201_is_too_long()
    {
        Assert.Empty(Validate(Sms with { Name = new string('n', 200) }));
        Assert.Equal(
            new ValidationError("name", "The name is 201 characters long; shorten it to at most 200."),
            SingleError(Sms with { Name = new string('n', 201) }));
    }

    [Theory]
    [InlineData(null, "A type is required; use sms, voice or hybrid.")]
    [InlineData("", "A type is required; use sms, voice or hybrid.")]
    [InlineData("email", "'email' is not a campaign type; use sms, voice or hybrid.")]
    [InlineData("1", "'1' is not a campaign type; use sms, voice or hybrid.")]
    public void Unknown_type_lists_the_valid_types(string? type, string message)
    {
        Assert.Equal(new ValidationError("type", message), SingleError(Sms with { Type = type }));
    }

    [Fact]
    public void Unknown_type_does_not_also_demand_a_template_or_script()
    {
        var draft = Sms with { Type = "fax", SmsTemplate = null, VoiceScript = null };

        Assert.Equal("type", SingleError(draft).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Sms_campaign_without_a_template_is_rejected(string? template)
    {
        var error = SingleError(Sms with { SmsTemplate = template });

        Assert.Equal("smsTemplate", error.Field);
        Assert.StartsWith("An sms campaign needs smsTemplate: the text to send", error.Message);
    }

    [Fact]
    public void Hybrid_campaign_needs_both_a_template_and_a_script()
    {
        var errors = Validate(Hybrid with { SmsTemplate = null, VoiceScript = " " });

        Assert.Equal(["smsTemplate", "voiceScript"], errors.Select(e => e.Field));
        Assert.StartsWith("A hybrid campaign needs smsTemplate", errors[0].Message);
        Assert.Equal("A hybrid campaign needs voiceScript: the text spoken when the call is answered.", errors[1].Message);
    }

    [Fact]
    public void Voice_campaign_without_a_script_is_rejected()
    {
        Assert.Equal(
            new ValidationError("voiceScript", "A voice campaign needs voiceScript: the text spoken when the call is answered."),
            SingleError(Voice with { VoiceScript = null }));
    }

    [Fact]
    public void Sms_campaign_needs_no_script_and_voice_campaign_needs_no_template()
    {
        Assert.Empty(Validate(Sms with { VoiceScript = null }));
        Assert.Empty(Validate(Voice with { SmsTemplate = null }));
    }

    [Fact]
    public void Template_given_to_a_voice_campaign_must_still_parse()
    {
        Assert.Equal("smsTemplate", SingleError(Voice with { SmsTemplate = "Hi {{nickname}}" }).Field);
    }

    [Fact]
    public void Template_with_an_unknown_placeholder_names_it()
    {
        var error = SingleError(Sms with { SmsTemplate = "Hi {{firstname}}" });

        Assert.Equal("smsTemplate", error.Field);
        Assert.Contains("'firstname'", error.Message);
        Assert.Contains("first_name, last_name, phone, timezone or attr.<key>", error.Message);
    }

    [Fact]
    public void Template_with_unbalanced_braces_is_rejected()
    {
        Assert.Equal("smsTemplate", SingleError(Sms with { SmsTemplate = "Hi {{first_name" }).Field);
    }

    [Fact]
    public void Template_of_3200_characters_is_accepted_and_3201_is_too_long()
    {
        Assert.Empty(Validate(Sms with { SmsTemplate = new string('x', 3200) }));
        Assert.Equal(
            new ValidationError("smsTemplate", "The SMS template is 3201 characters long; shorten it to at most 3200."),
            SingleError(Sms with { SmsTemplate = new string('x', 3201) }));
    }

    [Fact]
    public void Missing_calling_window_asks_for_the_campaign_time_zone()
    {
        var error = SingleError(Sms with { CallingWindow = null });

        Assert.Equal("callingWindow.timeZone", error.Field);
        Assert.Contains("e.g. America/New_York", error.Message);
    }

    [Fact]
    public void Calling_window_errors_are_reported_with_their_nested_field_names()
    {
        var draft = Sms with { CallingWindow = new CallingWindowDraft(["Funday"], "9am", "21:00", "Mars/Olympus") };

        Assert.Equal(
            ["callingWindow.days", "callingWindow.start", "callingWindow.timeZone"],
            Validate(draft).Select(e => e.Field));
    }

    [Fact]
    public void Settings_are_validated_with_the_campaign()
    {
        Assert.Empty(Validate(Sms with { Settings = Json("""{"retry": {"maxAttempts": 3}, "note": null}""") }));
        Assert.Equal("settings", SingleError(Sms with { Settings = Json("""{" ": "x"}""") }).Field);
        Assert.Equal("settings.retry.maxAttempts", SingleError(Sms with { Settings = Json("""{"retry": {"maxAttempts": 0}}""") }).Field);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_field_order_with_camel_case_names()
    {
        var draft = new CampaignDraft(null, "hybrid", "Hi {x}", null, "bad sender!", null, Json("""{"": "x"}"""));

        var errors = Validate(draft);

        Assert.Equal(
            ["name", "smsTemplate", "voiceScript", "from", "callingWindow.timeZone", "settings"],
            errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Matches("^[a-z][A-Za-z]*(\\.[a-z][A-Za-z]*)?$", e.Field));
        Assert.All(errors, e => Assert.EndsWith(".", e.Message));
    }

    [Fact]
    public void Null_draft_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => CampaignValidator.Validate(null!));
    }
}

using System.Text.Json;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class CampaignValidatorTests
{
    private static readonly CallingWindowDraft NewYork = new(null, null, null, "America/New_York");

    private static readonly CampaignDraft Sms = new("Spring sale", "sms", "Hi {{first_name|there}}, 20% off today.", null, "ACME", NewYork);

    private static readonly CampaignDraft Voice = new("Reminder calls", "voice", null, "Your appointment is tomorrow.", "+14155550100", NewYork);

    private static readonly CampaignDraft Hybrid = Voice with
    {
        Type = "hybrid", SmsTemplate = "Hi {{first_name}}", Settings = Json("""{"hybrid": {"mode": "callFirst"}}"""),
    };

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
    public void Hybrid_campaign_without_settings_hybrid_is_told_to_choose_a_mode()
    {
        var error = SingleError(Hybrid with { Settings = null });

        Assert.Equal("settings.hybrid.mode", error.Field);
        Assert.Equal(
            "A hybrid campaign needs settings.hybrid.mode: use \"smsFirst\" (send the SMS, then call the recipients whose SMS fails) " +
            "or \"callFirst\" (call, then send an SMS to the recipients whose call ends unanswered, busy or on voicemail).",
            error.Message);
        Assert.Equal("settings.hybrid.mode", SingleError(Hybrid with { Settings = Json("""{"retry": {"maxAttempts": 2}}""") }).Field);
    }

    [Theory]
    [InlineData("""{"hybrid": {}}""", "settings.hybrid.mode")]
    [InlineData("""{"hybrid": {"mode": "both"}}""", "settings.hybrid.mode")]
    [InlineData("""{"Hybrid": {"mode": "both"}}""", "settings.Hybrid.mode")]
    [InlineData("""{"hybrid": ["smsFirst"]}""", "settings.hybrid")]
    public void Hybrid_mode_given_wrongly_is_reported_once(string settings, string field)
    {
        Assert.Equal(field, SingleError(Hybrid with { Settings = Json(settings) }).Field);
    }

    [Theory]
    [InlineData("smsFirst")]
    [InlineData("callFirst")]
    public void Hybrid_campaign_with_either_mode_is_valid(string mode)
    {
        Assert.Empty(Validate(Hybrid with { Settings = Json($$$"""{"hybrid": {"mode": "{{{mode}}}"}}""") }));
    }

    [Fact]
    public void Sms_and_voice_campaigns_need_no_hybrid_mode()
    {
        Assert.Empty(Validate(Sms with { Settings = null }));
        Assert.Empty(Validate(Voice with { Settings = null }));
    }

    [Fact]
    public void Voice_settings_are_validated_with_the_campaign()
    {
        Assert.Empty(Validate(Voice with { Settings = Json("""{"voice": {"maxConcurrentCalls": 50, "machineDetection": "hangup"}}""") }));
        Assert.Equal(
            "settings.voice.retry.busy.maxAttempts",
            SingleError(Voice with { Settings = Json("""{"voice": {"retry": {"busy": {"maxAttempts": 0}}}}""") }).Field);
    }

    [Theory]
    [InlineData("Hi {{nickname}}", "Unknown placeholder 'nickname'")]
    [InlineData("Hi {first_name}", "Single '{'")]
    public void Voice_script_must_parse_as_a_template(string script, string message)
    {
        var error = SingleError(Voice with { VoiceScript = script });

        Assert.Equal("voiceScript", error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Voice_script_given_to_an_sms_campaign_must_still_parse()
    {
        Assert.Equal("voiceScript", SingleError(Sms with { VoiceScript = "Hi {{nickname}}" }).Field);
    }

    [Fact]
    public void Voice_script_of_1500_characters_is_accepted_and_1501_is_too_long()
    {
        Assert.Empty(Validate(Voice with { VoiceScript = new string('x', 1500) }));
        Assert.Equal(
            new ValidationError("voiceScript", "The voice script is 1501 characters long; shorten it to at most 1500."),
            SingleError(Voice with { VoiceScript = new string('x', 1501) }));
    }

    [Fact]
    public void Ssml_voice_script_is_accepted()
    {
        Assert.Empty(Validate(Voice with { VoiceScript = """<speak>Hi {{first_name|there}}<break time="500ms"/>press 1.</speak>""" }));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_field_order_with_camel_case_names()
    {
        var draft = new CampaignDraft(null, "hybrid", "Hi {x}", null, "bad sender!", null, Json("""{"": "x"}"""));

        var errors = Validate(draft);

        Assert.Equal(
            ["name", "smsTemplate", "voiceScript", "from", "callingWindow.timeZone", "settings", "settings.hybrid.mode"],
            errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Matches("^[a-z][A-Za-z]*(\\.[a-z][A-Za-z]*)*$", e.Field));
        Assert.All(errors, e => Assert.EndsWith(".", e.Message));
    }

    [Fact]
    public void Null_draft_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => CampaignValidator.Validate(null!));
    }
}

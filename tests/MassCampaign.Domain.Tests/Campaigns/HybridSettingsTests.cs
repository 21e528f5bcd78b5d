using System.Text.Json;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class HybridSettingsTests
{
    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);

    [Theory]
    [InlineData("smsFirst", HybridMode.SmsFirst)]
    [InlineData("callFirst", HybridMode.CallFirst)]
    [InlineData("CALLFIRST", HybridMode.CallFirst)]
    public void The_mode_is_read_and_written_back_in_camel_case(string mode, HybridMode expected)
    {
        var settings = CampaignSettings.Parse(Json($$$"""{"Hybrid": {"Mode": "{{{mode}}}"}}"""), out var errors);

        Assert.Empty(errors);
        Assert.Equal(new HybridSettings(expected), settings.Hybrid);
        Assert.EndsWith($$$""","hybrid":{"mode":"{{{HybridModeNames.ToWire(expected)}}}"}}""", settings.ToJson());
        Assert.Equal(settings.Hybrid, CampaignSettings.FromJson(settings.ToJson()).Hybrid);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"hybrid": null}""")]
    public void Hybrid_left_out_or_null_is_absent_and_not_written(string json)
    {
        var settings = CampaignSettings.Parse(Json(json), out var errors);

        Assert.Empty(errors);
        Assert.Null(settings.Hybrid);
        Assert.DoesNotContain("hybrid", settings.ToJson());
    }

    [Theory]
    [InlineData("""{"hybrid": "smsFirst"}""", "settings.hybrid")]
    [InlineData("""{"hybrid": {}}""", "settings.hybrid.mode")]
    [InlineData("""{"hybrid": {"mode": null}}""", "settings.hybrid.mode")]
    [InlineData("""{"hybrid": {"mode": "both"}}""", "settings.hybrid.mode")]
    [InlineData("""{"hybrid": {"mode": 1}}""", "settings.hybrid.mode")]
    public void A_hybrid_without_a_valid_mode_is_reported_at_its_path(string json, string field)
    {
        var settings = CampaignSettings.Parse(Json(json), out var errors);

        Assert.Equal(field, Assert.Single(errors).Field);
        Assert.Null(settings.Hybrid);
    }

    [Fact]
    public void A_member_other_than_mode_is_an_error_that_names_mode()
    {
        var settings = CampaignSettings.Parse(Json("""{"hybrid": {"mode": "smsFirst", "delay": 5}}"""), out var errors);

        Assert.Equal(new ValidationError("settings.hybrid.delay", "'delay' is not a hybrid setting; use mode."), Assert.Single(errors));
        Assert.Equal(new HybridSettings(HybridMode.SmsFirst), settings.Hybrid);
    }

    [Fact]
    public void A_wrong_mode_is_told_what_each_mode_does()
    {
        CampaignSettings.Parse(Json("""{"hybrid": {"mode": "both"}}"""), out var errors);

        Assert.Equal(
            "'both' is not a hybrid mode; use \"smsFirst\" (send the SMS, then call the recipients whose SMS fails) or " +
            "\"callFirst\" (call, then send an SMS to the recipients whose call ends unanswered, busy or on voicemail).",
            Assert.Single(errors).Message);
    }
}

using System.Text.Json;
using MassCampaign.Domain.Campaigns;
using NodaTime;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class CampaignSettingsTests
{
    private const string Defaults =
        """{"retry":{"maxAttempts":1,"afterMinutes":30},"unknownPolicy":"resend","unknownResolveAfter":"PT15M"}""";

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);

    private static CampaignSettings Valid(string json)
    {
        var settings = CampaignSettings.Parse(Json(json), out var errors);
        Assert.Empty(errors);
        return settings;
    }

    [Fact]
    public void Absent_settings_take_every_default_and_write_them_out()
    {
        var settings = CampaignSettings.Parse(null, out var errors);

        Assert.Empty(errors);
        Assert.Equal(1, settings.Retry.MaxAttempts);
        Assert.Equal(Duration.FromMinutes(30), settings.Retry.After);
        Assert.Equal(UnknownPolicy.Resend, settings.UnknownPolicy);
        Assert.Equal(Duration.FromMinutes(15), settings.UnknownResolveAfter);
        Assert.Empty(settings.Other);
        Assert.Equal(Defaults, settings.ToJson());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{"retry": null, "unknownPolicy": null, "unknownResolveAfter": null}""")]
    public void An_empty_object_null_or_null_members_take_the_defaults(string json)
    {
        Assert.Equal(Defaults, Valid(json).ToJson());
    }

    [Fact]
    public void Every_known_member_is_read()
    {
        var settings = Valid("""
            {"retry": {"maxAttempts": 3, "afterMinutes": 2.5}, "unknownPolicy": "leave", "unknownResolveAfter": "PT1H30M"}
            """);

        Assert.Equal(new RetryPolicy(3, Duration.FromSeconds(150)), settings.Retry);
        Assert.Equal(UnknownPolicy.Leave, settings.UnknownPolicy);
        Assert.Equal(Duration.FromMinutes(90), settings.UnknownResolveAfter);
        Assert.Equal(
            """{"retry":{"maxAttempts":3,"afterMinutes":2.5},"unknownPolicy":"leave","unknownResolveAfter":"PT1H30M"}""",
            settings.ToJson());
    }

    [Fact]
    public void A_retry_that_names_one_member_keeps_the_default_of_the_other()
    {
        Assert.Equal(new RetryPolicy(4, Duration.FromMinutes(30)), Valid("""{"retry": {"maxAttempts": 4}}""").Retry);
        Assert.Equal(new RetryPolicy(1, Duration.FromMinutes(5)), Valid("""{"retry": {"afterMinutes": 5}}""").Retry);
    }

    [Theory]
    [InlineData("900", 900)]
    [InlineData("1", 1)]
    [InlineData("604800", 604_800)]
    [InlineData("\"PT1S\"", 1)]
    [InlineData("\"P7D\"", 604_800)]
    [InlineData("\"P1W\"", 604_800)]
    [InlineData("\"P1DT12H\"", 129_600)]
    public void Unknowns_resolve_after_an_iso_duration_or_a_number_of_seconds_from_1_second_to_7_days(string json, long seconds)
    {
        Assert.Equal(Duration.FromSeconds(seconds), Valid($$"""{"unknownResolveAfter": {{json}}}""").UnknownResolveAfter);
    }

    [Fact]
    public void A_wait_given_in_seconds_is_written_back_as_an_iso_duration()
    {
        Assert.Contains("\"unknownResolveAfter\":\"P1DT2H\"", Valid("""{"unknownResolveAfter": 93600}""").ToJson());
    }

    [Fact]
    public void Known_members_match_ignoring_case_and_are_written_back_in_camel_case()
    {
        var settings = Valid("""{"Retry": {"MAXATTEMPTS": 2}, "UnknownPolicy": "LEAVE"}""");

        Assert.Equal(2, settings.Retry.MaxAttempts);
        Assert.Equal(UnknownPolicy.Leave, settings.UnknownPolicy);
        Assert.StartsWith("""{"retry":{"maxAttempts":2,""", settings.ToJson());
    }

    [Fact]
    public void Voice_and_hybrid_are_read_as_settings_and_other_members_are_kept_as_given_after_the_known_ones()
    {
        var settings = Valid("""
            {"voice": {"maxConcurrentCalls": 5, "retry": {"busy": {"maxAttempts": 2}}}, "hybrid": {"mode": "smsFirst"},
             "note": "spring", "tags": ["a", 1, null], "unknownPolicy": "leave"}
            """);

        Assert.Equal(["note", "tags"], settings.Other.Keys);
        Assert.Equal(5, settings.Voice.MaxConcurrentCalls);
        Assert.Equal(new VoiceRetry(2, Duration.FromMinutes(30)), settings.Voice.Retry.Busy);
        Assert.Equal(new HybridSettings(HybridMode.SmsFirst), settings.Hybrid);
        Assert.EndsWith(
            """ "unknownResolveAfter":"PT15M","voice":{"maxConcurrentCalls":5,"ringingTimeoutSeconds":30,""".TrimStart() +
            """ "machineDetection":"leaveMessage","optOutDigit":"9","confirmDigit":"1","retry":{""".TrimStart() +
            """ "noAnswer":{"maxAttempts":1,"afterMinutes":30},"busy":{"maxAttempts":2,"afterMinutes":30},""".TrimStart() +
            """ "failed":{"maxAttempts":1,"afterMinutes":30}},"maxAttemptsPer24h":3},""".TrimStart() +
            """ "hybrid":{"mode":"smsFirst"},"note":"spring","tags":["a",1,null]}""".TrimStart(),
            settings.ToJson());
    }

    [Fact]
    public void Written_settings_read_back_the_same()
    {
        var settings = Valid("""{"retry": {"maxAttempts": 10, "afterMinutes": 0.5}, "unknownResolveAfter": 61, "x": {"y": [1]}}""");

        var again = CampaignSettings.FromJson(settings.ToJson());

        Assert.Equal(settings.ToJson(), again.ToJson());
        Assert.Equal(settings with { Other = again.Other }, again);
    }

    [Fact]
    public void Stored_settings_from_before_they_were_typed_still_read_with_defaults_for_what_does_not_validate()
    {
        var settings = CampaignSettings.FromJson("""{"retry": "3", "unknownPolicy": "leave", "maxAttempts": "3"}""");

        Assert.Equal(RetryPolicy.None, settings.Retry);
        Assert.Equal(UnknownPolicy.Leave, settings.UnknownPolicy);
        Assert.Equal("3", settings.Other["maxAttempts"].GetString());
    }

    [Theory]
    [InlineData("[]", "settings")]
    [InlineData("\"retry=3\"", "settings")]
    [InlineData("""{"": 1}""", "settings")]
    [InlineData("""{"note": 1, "note": 2}""", "settings.note")]
    [InlineData("""{"retry": {}, "RETRY": {}}""", "settings.RETRY")]
    [InlineData("""{"retry": 3}""", "settings.retry")]
    [InlineData("""{"retry": [3]}""", "settings.retry")]
    [InlineData("""{"retry": {"count": 3}}""", "settings.retry.count")]
    [InlineData("""{"retry": {"maxAttempts": 0}}""", "settings.retry.maxAttempts")]
    [InlineData("""{"retry": {"maxAttempts": 11}}""", "settings.retry.maxAttempts")]
    [InlineData("""{"retry": {"maxAttempts": 2.5}}""", "settings.retry.maxAttempts")]
    [InlineData("""{"retry": {"maxAttempts": "3"}}""", "settings.retry.maxAttempts")]
    [InlineData("""{"retry": {"maxAttempts": null}}""", "settings.retry.maxAttempts")]
    [InlineData("""{"retry": {"afterMinutes": 0}}""", "settings.retry.afterMinutes")]
    [InlineData("""{"retry": {"afterMinutes": -5}}""", "settings.retry.afterMinutes")]
    [InlineData("""{"retry": {"afterMinutes": 10081}}""", "settings.retry.afterMinutes")]
    [InlineData("""{"retry": {"afterMinutes": "30"}}""", "settings.retry.afterMinutes")]
    [InlineData("""{"unknownPolicy": "ignore"}""", "settings.unknownPolicy")]
    [InlineData("""{"unknownPolicy": 1}""", "settings.unknownPolicy")]
    [InlineData("""{"unknownPolicy": ""}""", "settings.unknownPolicy")]
    [InlineData("""{"unknownResolveAfter": "15 minutes"}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": "P1M"}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": "P1Y"}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": "PT0.5S"}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": "-PT15M"}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": 0}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": 0.5}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": "P8D"}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": 604801}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": 1e300}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": "PT99999999999999999H"}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": true}""", "settings.unknownResolveAfter")]
    [InlineData("""{"unknownResolveAfter": {}}""", "settings.unknownResolveAfter")]
    public void An_invalid_member_is_named_by_its_path_and_the_rest_take_their_defaults(string json, string field)
    {
        var settings = CampaignSettings.Parse(Json(json), out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.EndsWith(".", error.Message);
        Assert.Equal(CampaignSettings.Default with { Other = settings.Other }, settings);
    }

    [Fact]
    public void Each_message_says_what_to_write_instead()
    {
        static string MessageFor(string json)
        {
            CampaignSettings.Parse(Json(json), out var errors);
            return Assert.Single(errors).Message;
        }

        Assert.Equal(
            "11 is not allowed; use a whole number of attempts from 1 (send once, no retry) to 10.",
            MessageFor("""{"retry": {"maxAttempts": 11}}"""));
        Assert.Equal("'ignore' is not a policy for unknown sends; use \"resend\" or \"leave\".", MessageFor("""{"unknownPolicy": "ignore"}"""));
        Assert.Equal("'P8D' is too long; wait at most 7 days (\"P7D\").", MessageFor("""{"unknownResolveAfter": "P8D"}"""));
        Assert.Contains("\"PT15M\"", MessageFor("""{"unknownResolveAfter": "15 minutes"}"""));
        Assert.Equal("'count' is not a retry setting; use maxAttempts or afterMinutes.", MessageFor("""{"retry": {"count": 3}}"""));
    }

    [Fact]
    public void Every_invalid_member_is_reported_at_once()
    {
        CampaignSettings.Parse(Json("""{"retry": {"maxAttempts": 0, "afterMinutes": 0}, "unknownPolicy": "x", "unknownResolveAfter": 0}"""), out var errors);

        Assert.Equal(
            ["settings.retry.maxAttempts", "settings.retry.afterMinutes", "settings.unknownPolicy", "settings.unknownResolveAfter"],
            errors.Select(e => e.Field));
    }
}

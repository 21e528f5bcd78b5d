using System.Text.Json;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Domain.Voice;
using NodaTime;

namespace MassCampaign.Domain.Tests.Campaigns;

public sealed class VoiceSettingsTests
{
    private const string EveryMember = """
        {"voice": {"maxConcurrentCalls": 100, "ringingTimeoutSeconds": 45, "machineDetection": "hangup",
                   "optOutDigit": "#", "confirmDigit": "0", "maxAttemptsPer24h": 2,
                   "retry": {"noAnswer": {"maxAttempts": 3, "afterMinutes": 60},
                             "busy": {"maxAttempts": 4, "afterMinutes": 2.5},
                             "failed": {"maxAttempts": 2, "afterMinutes": 1440}}}}
        """;

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);

    private static VoiceSettings Voice(string voiceJson)
    {
        var settings = CampaignSettings.Parse(Json($$"""{"voice": {{voiceJson}}}"""), out var errors);
        Assert.Empty(errors);
        return settings.Voice;
    }

    private static ValidationError SingleError(string voiceJson)
    {
        var settings = CampaignSettings.Parse(Json($$"""{"voice": {{voiceJson}}}"""), out var errors);
        Assert.Equal(VoiceSettings.Default, settings.Voice);
        return Assert.Single(errors);
    }

    [Fact]
    public void Defaults_are_20_calls_30_seconds_of_ringing_leave_a_message_9_opts_out_1_confirms_one_call_and_3_a_day()
    {
        var voice = VoiceSettings.Default;

        Assert.Equal(20, voice.MaxConcurrentCalls);
        Assert.Equal(30, voice.RingingTimeoutSeconds);
        Assert.Equal(MachineDetection.LeaveMessage, voice.MachineDetection);
        Assert.Equal("9", voice.OptOutDigit);
        Assert.Equal("1", voice.ConfirmDigit);
        Assert.Equal(3, voice.MaxAttemptsPer24h);
        Assert.Equal(new VoiceRetry(1, Duration.FromMinutes(30)), VoiceRetry.Default);
        Assert.Equal(new VoiceRetryPolicy(VoiceRetry.Default, VoiceRetry.Default, VoiceRetry.Default), voice.Retry);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"voice": null}""")]
    [InlineData("""{"voice": {}}""")]
    [InlineData("""{"voice": {"maxConcurrentCalls": null, "retry": null}}""")]
    [InlineData("""{"voice": {"retry": {"busy": null}}}""")]
    [InlineData("""{"voice": {"maxConcurrentCalls": 20, "optOutDigit": "9", "retry": {"noAnswer": {"maxAttempts": 1}}}}""")]
    public void Voice_left_out_null_or_all_defaults_takes_the_defaults_and_is_not_written(string json)
    {
        var settings = CampaignSettings.Parse(Json(json), out var errors);

        Assert.Empty(errors);
        Assert.Equal(VoiceSettings.Default, settings.Voice);
        Assert.DoesNotContain("voice", settings.ToJson());
    }

    [Fact]
    public void Every_member_is_read()
    {
        var voice = CampaignSettings.FromJson(EveryMember).Voice;

        Assert.Equal(
            new VoiceSettings(100, 45, MachineDetection.Hangup, "#", "0",
                new VoiceRetryPolicy(
                    new VoiceRetry(3, Duration.FromHours(1)),
                    new VoiceRetry(4, Duration.FromSeconds(150)),
                    new VoiceRetry(2, Duration.FromDays(1))),
                2),
            voice);
    }

    [Fact]
    public void Changed_voice_settings_are_written_whole_and_read_back_the_same()
    {
        var settings = CampaignSettings.FromJson(EveryMember);

        var json = settings.ToJson();

        Assert.Contains(
            """
            "voice":{"maxConcurrentCalls":100,"ringingTimeoutSeconds":45,"machineDetection":"hangup","optOutDigit":"#","confirmDigit":"0","retry":{"noAnswer":{"maxAttempts":3,"afterMinutes":60},"busy":{"maxAttempts":4,"afterMinutes":2.5},"failed":{"maxAttempts":2,"afterMinutes":1440}},"maxAttemptsPer24h":2}
            """,
            json);
        var again = CampaignSettings.FromJson(json);
        Assert.Equal(settings.Voice, again.Voice);
        Assert.Equal(json, again.ToJson());
    }

    [Fact]
    public void One_changed_member_writes_the_others_as_their_defaults()
    {
        var settings = CampaignSettings.Parse(Json("""{"voice": {"machineDetection": "off"}}"""), out _);

        Assert.Contains(
            """
            "voice":{"maxConcurrentCalls":20,"ringingTimeoutSeconds":30,"machineDetection":"off","optOutDigit":"9","confirmDigit":"1","retry":{"noAnswer":{"maxAttempts":1,"afterMinutes":30},"busy":{"maxAttempts":1,"afterMinutes":30},"failed":{"maxAttempts":1,"afterMinutes":30}},"maxAttemptsPer24h":3}
            """,
            settings.ToJson());
    }

    [Fact]
    public void Members_match_ignoring_case()
    {
        var voice = Voice("""{"MaxConcurrentCalls": 7, "MACHINEDETECTION": "HangUp", "Retry": {"NoAnswer": {"MaxAttempts": 2}}}""");

        Assert.Equal(7, voice.MaxConcurrentCalls);
        Assert.Equal(MachineDetection.Hangup, voice.MachineDetection);
        Assert.Equal(2, voice.Retry.NoAnswer.MaxAttempts);
    }

    [Fact]
    public void A_retry_outcome_that_names_one_member_keeps_the_default_of_the_other()
    {
        var retry = Voice("""{"retry": {"noAnswer": {"maxAttempts": 3}, "failed": {"afterMinutes": 5}}}""").Retry;

        Assert.Equal(new VoiceRetry(3, Duration.FromMinutes(30)), retry.NoAnswer);
        Assert.Equal(VoiceRetry.Default, retry.Busy);
        Assert.Equal(new VoiceRetry(1, Duration.FromMinutes(5)), retry.Failed);
    }

    [Theory]
    [InlineData("""{"maxConcurrentCalls": 1, "ringingTimeoutSeconds": 1, "maxAttemptsPer24h": 1}""")]
    [InlineData("""{"maxConcurrentCalls": 1000, "ringingTimeoutSeconds": 120, "maxAttemptsPer24h": 10}""")]
    [InlineData("""{"optOutDigit": "*", "confirmDigit": "#"}""")]
    [InlineData("""{"optOutDigit": "1", "confirmDigit": "9"}""")]
    [InlineData("""{"retry": {"busy": {"maxAttempts": 10, "afterMinutes": 10080}}}""")]
    public void Limits_are_inclusive(string json)
    {
        Assert.NotEqual(VoiceSettings.Default, Voice(json));
    }

    [Theory]
    [InlineData("[]", "settings.voice")]
    [InlineData("\"on\"", "settings.voice")]
    [InlineData("""{"maxCalls": 5}""", "settings.voice.maxCalls")]
    [InlineData("""{"maxConcurrentCalls": 20, "MaxConcurrentCalls": 2}""", "settings.voice.MaxConcurrentCalls")]
    [InlineData("""{"maxConcurrentCalls": 0}""", "settings.voice.maxConcurrentCalls")]
    [InlineData("""{"maxConcurrentCalls": 1001}""", "settings.voice.maxConcurrentCalls")]
    [InlineData("""{"maxConcurrentCalls": 2.5}""", "settings.voice.maxConcurrentCalls")]
    [InlineData("""{"maxConcurrentCalls": "20"}""", "settings.voice.maxConcurrentCalls")]
    [InlineData("""{"ringingTimeoutSeconds": 0}""", "settings.voice.ringingTimeoutSeconds")]
    [InlineData("""{"ringingTimeoutSeconds": 121}""", "settings.voice.ringingTimeoutSeconds")]
    [InlineData("""{"machineDetection": "detect"}""", "settings.voice.machineDetection")]
    [InlineData("""{"machineDetection": 1}""", "settings.voice.machineDetection")]
    [InlineData("""{"machineDetection": true}""", "settings.voice.machineDetection")]
    [InlineData("""{"optOutDigit": 9}""", "settings.voice.optOutDigit")]
    [InlineData("""{"optOutDigit": "99"}""", "settings.voice.optOutDigit")]
    [InlineData("""{"optOutDigit": ""}""", "settings.voice.optOutDigit")]
    [InlineData("""{"optOutDigit": "A"}""", "settings.voice.optOutDigit")]
    [InlineData("""{"optOutDigit": "٩"}""", "settings.voice.optOutDigit")]
    [InlineData("""{"confirmDigit": "x"}""", "settings.voice.confirmDigit")]
    [InlineData("""{"confirmDigit": "9"}""", "settings.voice.confirmDigit")]
    [InlineData("""{"optOutDigit": "1"}""", "settings.voice.optOutDigit")]
    [InlineData("""{"optOutDigit": "5", "confirmDigit": "5"}""", "settings.voice.confirmDigit")]
    [InlineData("""{"maxAttemptsPer24h": 0}""", "settings.voice.maxAttemptsPer24h")]
    [InlineData("""{"maxAttemptsPer24h": 11}""", "settings.voice.maxAttemptsPer24h")]
    [InlineData("""{"retry": 3}""", "settings.voice.retry")]
    [InlineData("""{"retry": {"maxAttempts": 3}}""", "settings.voice.retry.maxAttempts")]
    [InlineData("""{"retry": {"voicemail": {"maxAttempts": 2}}}""", "settings.voice.retry.voicemail")]
    [InlineData("""{"retry": {"busy": 2}}""", "settings.voice.retry.busy")]
    [InlineData("""{"retry": {"busy": {"count": 2}}}""", "settings.voice.retry.busy.count")]
    [InlineData("""{"retry": {"busy": {"maxAttempts": 0}}}""", "settings.voice.retry.busy.maxAttempts")]
    [InlineData("""{"retry": {"noAnswer": {"maxAttempts": 11}}}""", "settings.voice.retry.noAnswer.maxAttempts")]
    [InlineData("""{"retry": {"failed": {"afterMinutes": 0}}}""", "settings.voice.retry.failed.afterMinutes")]
    [InlineData("""{"retry": {"failed": {"afterMinutes": 10081}}}""", "settings.voice.retry.failed.afterMinutes")]
    public void An_invalid_voice_member_is_named_by_its_path_and_takes_its_default(string json, string field)
    {
        var error = SingleError(json);

        Assert.Equal(field, error.Field);
        Assert.EndsWith(".", error.Message);
    }

    [Fact]
    public void Each_message_says_what_to_write_instead()
    {
        Assert.Equal(
            "'maxCalls' is not a voice setting; use maxConcurrentCalls, ringingTimeoutSeconds, machineDetection, optOutDigit, " +
            "confirmDigit, retry or maxAttemptsPer24h.",
            SingleError("""{"maxCalls": 5}""").Message);
        Assert.Equal(
            "121 is not allowed; use a whole number of seconds to let a call ring before it counts as unanswered, from 1 to 120, e.g. 30.",
            SingleError("""{"ringingTimeoutSeconds": 121}""").Message);
        Assert.Equal(
            "0 is not allowed; use a whole number of calls of this campaign to have in progress at once, from 1 to 1000, e.g. 20.",
            SingleError("""{"maxConcurrentCalls": 0}""").Message);
        Assert.Equal(
            "'detect' is not a machine detection choice; use \"leaveMessage\" (speak the script after the beep), " +
            "\"hangup\" (end the call when a machine answers) or \"off\" (speak to whatever answers).",
            SingleError("""{"machineDetection": "detect"}""").Message);
        Assert.Equal(
            "9 is not a key; use one key of the phone's keypad as a string: \"0\" to \"9\", \"*\" or \"#\".",
            SingleError("""{"optOutDigit": 9}""").Message);
        Assert.Equal(
            "optOutDigit and confirmDigit are both \"9\"; use different keys, or a recipient who confirms would be opted out.",
            SingleError("""{"confirmDigit": "9"}""").Message);
        Assert.Equal(
            "'voicemail' is not a call outcome that can be retried; use noAnswer, busy or failed.",
            SingleError("""{"retry": {"voicemail": {}}}""").Message);
        Assert.Equal(
            "0 is not allowed; use a whole number of attempts from 1 (call once, no retry) to 10.",
            SingleError("""{"retry": {"busy": {"maxAttempts": 0}}}""").Message);
    }

    [Fact]
    public void An_invalid_key_is_not_also_reported_as_the_same_as_the_other_key()
    {
        Assert.Equal("settings.voice.optOutDigit", SingleError("""{"optOutDigit": "x", "confirmDigit": "9"}""").Field);
    }

    [Fact]
    public void Every_invalid_voice_member_is_reported_at_once()
    {
        CampaignSettings.Parse(
            Json("""{"voice": {"maxConcurrentCalls": 0, "machineDetection": "x", "retry": {"busy": {"afterMinutes": -1}}, "maxAttemptsPer24h": 0}}"""),
            out var errors);

        Assert.Equal(
            ["settings.voice.maxConcurrentCalls", "settings.voice.machineDetection", "settings.voice.retry.busy.afterMinutes",
             "settings.voice.maxAttemptsPer24h"],
            errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(CallOutcome.NoAnswer, 2)]
    [InlineData(CallOutcome.Busy, 3)]
    [InlineData(CallOutcome.Failed, 4)]
    public void The_retry_policy_gives_the_retry_of_each_outcome_worth_another_call(CallOutcome outcome, int attempts)
    {
        var policy = new VoiceRetryPolicy(
            VoiceRetry.Default with { MaxAttempts = 2 }, VoiceRetry.Default with { MaxAttempts = 3 }, VoiceRetry.Default with { MaxAttempts = 4 });

        Assert.Equal(attempts, policy.For(outcome)?.MaxAttempts);
    }

    [Theory]
    [InlineData(CallOutcome.Answered)]
    [InlineData(CallOutcome.Voicemail)]
    [InlineData(CallOutcome.OptedOut)]
    public void Outcomes_that_reached_the_recipient_have_no_retry(CallOutcome outcome)
    {
        Assert.Null(VoiceRetryPolicy.Default.For(outcome));
    }
}

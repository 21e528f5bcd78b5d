using System.Net;
using System.Text.Json;
using MassCampaign.Vonage.Tests.Support;
using MassCampaign.Vonage.Voice;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MassCampaign.Vonage.Tests.Voice;

/// <summary>The voice client against a scripted Vonage on real loopback HTTP: what it sends, and how it reads each answer.</summary>
public sealed class VonageVoiceClientTests : IDisposable
{
    private const string Created = """{"uuid":"63f61863-4a51-4f6b-86e1-46edebcf9356","status":"started","direction":"outbound","conversation_uuid":"CON-f972836a"}""";

    private readonly TestApplicationKey _key = new();

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task A_created_call_sends_the_documented_body_with_an_rs256_application_jwt()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, r) => Answer(r, 201, Created));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        var result = await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), null, CancellationToken.None);

        Assert.Equal(CallCreateOutcome.Created, result.Outcome);
        Assert.Equal("63f61863-4a51-4f6b-86e1-46edebcf9356", result.CallUuid);
        Assert.Equal("CON-f972836a", result.ConversationUuid);
        var request = Assert.Single(vonage.Requests);
        Assert.Equal("/v1/calls", request.Path);
        Assert.Equal("""[{"type":"phone","number":"447700900123"}]""", request.Fields["to"]);
        Assert.Equal("""["https://host.example/api/voice/answer?ref=1-1"]""", request.Fields["answer_url"]);
        Assert.Equal("""["https://host.example/api/voice/event?ref=1-1"]""", request.Fields["event_url"]);
        Assert.Equal("""{"behavior":"continue","mode":"detect_beep","beep_timeout":45}""", request.Fields["advanced_machine_detection"]);
        Assert.Equal("30", request.Fields["ringing_timer"]);

        var token = await new JsonWebTokenHandler().ValidateTokenAsync(request.Authorization!["Bearer ".Length..], new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(_key.Rsa.ExportParameters(false)),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        Assert.True(token.IsValid, token.Exception?.Message);
        Assert.Equal(_key.ApplicationId, token.Claims["application_id"]);
        Assert.False(string.IsNullOrEmpty(token.Claims["jti"] as string));
        Assert.True(token.Claims.ContainsKey("iat"));
    }

    [Theory]
    [InlineData(VoiceMachineDetection.Hangup, """{"behavior":"hangup","mode":"detect"}""")]
    [InlineData(VoiceMachineDetection.Off, null)]
    public async Task Machine_detection_follows_the_campaign(VoiceMachineDetection detection, string? expected)
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, r) => Answer(r, 201, Created));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        await harness.Client.CreateCallAsync(VoiceClientHarness.Call(detection: detection), null, CancellationToken.None);

        var fields = Assert.Single(vonage.Requests).Fields;
        Assert.Equal(expected, fields.GetValueOrDefault("advanced_machine_detection"));
    }

    [Fact]
    public async Task One_token_serves_many_calls()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, r) => Answer(r, 201, Created));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        for (var i = 0; i < 3; i++)
        {
            await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), null, CancellationToken.None);
        }

        Assert.Single(vonage.Requests.Select(r => r.Authorization).Distinct());
    }

    [Fact]
    public async Task A_429_is_waited_out_and_retried_until_the_call_is_created()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((n, r) => n < 2 ? Answer(r, 429, "") : Answer(r, 201, Created));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        var result = await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), null, CancellationToken.None);

        Assert.Equal(CallCreateOutcome.Created, result.Outcome);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, vonage.Requests.Count);
    }

    [Theory]
    [InlineData(500, CallCreateOutcome.Transient)]
    [InlineData(503, CallCreateOutcome.Transient)]
    [InlineData(429, CallCreateOutcome.Throttled)]
    public async Task Answers_that_created_nothing_are_retried_then_handed_back(int status, CallCreateOutcome expected)
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, r) => Answer(r, status, ""));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key, new Dictionary<string, string?> { ["VoiceMaxAttempts"] = "3" });

        var result = await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), null, CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(3, vonage.Requests.Count);
        Assert.False(result.MayHaveCreated);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_gateway_error_may_hide_a_call_and_is_never_repeated(int status)
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, r) => Answer(r, status, ""));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        var result = await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), null, CancellationToken.None);

        Assert.Equal(CallCreateOutcome.Ambiguous, result.Outcome);
        Assert.Single(vonage.Requests);
    }

    [Fact]
    public async Task No_answer_in_time_is_ambiguous_and_never_repeated()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync(async (_, r) =>
        {
            await Task.Delay(2_000);
            await Answer(r, 201, Created);
        });
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key, new Dictionary<string, string?> { ["RequestTimeout"] = "00:00:00.300" });

        var result = await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), null, CancellationToken.None);

        Assert.Equal(CallCreateOutcome.Ambiguous, result.Outcome);
        Assert.Single(vonage.Requests);
    }

    [Fact]
    public async Task No_listener_is_transient_because_nothing_was_sent()
    {
        await using var harness = VoiceClientHarness.For(new Uri($"http://127.0.0.1:{FreePort.Find()}/"), _key,
            new Dictionary<string, string?> { ["VoiceMaxAttempts"] = "2" });

        var result = await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), null, CancellationToken.None);

        Assert.Equal(CallCreateOutcome.Transient, result.Outcome);
        Assert.Equal(2, result.Attempts);
    }

    [Theory]
    [InlineData(401, """{"type":"https://developer.nexmo.com/api-errors#unauthorized","title":"Unauthorized"}""")]
    [InlineData(402, """{"type":"https://developer.nexmo.com/api-errors#low-balance","title":"Low balance","detail":"Top up"}""")]
    [InlineData(400, """{"type":"https://developer.nexmo.com/api-errors#low-balance","title":"Low balance"}""")]
    public async Task An_account_refusal_pauses_instead_of_failing_the_callee(int status, string body)
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, r) => Answer(r, status, body));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        var result = await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), null, CancellationToken.None);

        Assert.Equal(CallCreateOutcome.AccountRefused, result.Outcome);
        Assert.StartsWith("Vonage refused the voice account", result.AccountRefusalReason);
        Assert.Single(vonage.Requests);
    }

    [Fact]
    public async Task A_refused_callee_is_permanent_with_vonages_words()
    {
        const string body = """{"type":"https://developer.nexmo.com/api-errors/voice#validation","title":"Bad Request","detail":"Invalid number"}""";
        await using var vonage = await LoopbackEndpoint.StartAsync((_, r) => Answer(r, 400, body));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        var result = await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), null, CancellationToken.None);

        Assert.Equal(CallCreateOutcome.Permanent, result.Outcome);
        Assert.Equal("validation", result.ErrorCode);
        Assert.Contains("Invalid number", result.ErrorText);
    }

    [Fact]
    public async Task A_preflight_refusal_sends_nothing()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, r) => Answer(r, 201, Created));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        var result = await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), _ => ValueTask.FromResult<string?>("the campaign is paused"), CancellationToken.None);

        Assert.Equal(CallCreateOutcome.NotSent, result.Outcome);
        Assert.Contains("the campaign is paused", result.ErrorText);
        Assert.Empty(vonage.Requests);
    }

    [Fact]
    public async Task Without_credentials_calls_are_refused_for_the_account_and_nothing_is_sent()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, r) => Answer(r, 201, Created));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key, new Dictionary<string, string?> { ["PrivateKeyPath"] = "" });

        var result = await harness.Client.CreateCallAsync(VoiceClientHarness.Call(), null, CancellationToken.None);

        Assert.Equal(CallCreateOutcome.AccountRefused, result.Outcome);
        Assert.Contains("Vonage:PrivateKeyPath", result.AccountRefusalReason);
        Assert.Empty(vonage.Requests);
    }

    [Fact]
    public async Task Hang_up_puts_the_hangup_action_and_reads_a_404_as_not_known()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((n, r) => Answer(r, n == 0 ? 204 : 404, ""));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        Assert.True(await harness.Client.HangUpAsync("abc", CancellationToken.None));
        Assert.False(await harness.Client.HangUpAsync("gone", CancellationToken.None));

        var first = vonage.Requests[0];
        Assert.Equal("PUT", first.Method);
        Assert.Equal("/v1/calls/abc", first.Path);
        Assert.Equal("hangup", first.Fields["action"]);
    }

    [Fact]
    public async Task Get_call_reads_status_duration_and_price()
    {
        const string body = """{"uuid":"abc","conversation_uuid":"CON-1","status":"completed","duration":"42","price":"0.0123","direction":"outbound"}""";
        await using var vonage = await LoopbackEndpoint.StartAsync((n, r) => n == 0 ? Answer(r, 200, body) : Answer(r, 404, ""));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        var info = await harness.Client.GetCallAsync("abc", CancellationToken.None);
        var missing = await harness.Client.GetCallAsync("gone", CancellationToken.None);

        Assert.NotNull(info);
        Assert.True(info.IsFinal);
        Assert.Equal(42, info.DurationSeconds);
        Assert.Equal(0.0123m, info.Price);
        Assert.Equal("CON-1", info.ConversationUuid);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Get_call_throws_when_vonage_answers_an_error()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, r) => Answer(r, 500, ""));
        await using var harness = VoiceClientHarness.For(vonage.BaseAddress, _key);

        await Assert.ThrowsAsync<VonageVoiceException>(() => harness.Client.GetCallAsync("abc", CancellationToken.None));
    }

    private static Task Answer(HttpResponse response, int status, string body)
    {
        response.StatusCode = status;
        if (body.Length == 0)
        {
            return Task.CompletedTask;
        }

        response.ContentType = body.StartsWith('{') && status >= 400 ? "application/problem+json" : "application/json";
        return response.WriteAsync(body);
    }
}

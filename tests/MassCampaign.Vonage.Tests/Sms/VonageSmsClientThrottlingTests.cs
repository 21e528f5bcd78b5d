using MassCampaign.Vonage.Sms;
using MassCampaign.Vonage.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace MassCampaign.Vonage.Tests.Sms;

/// <summary>Throttling answers (status 1, HTTP 429): waited out as asked, never dropped, never resent once a part was taken.</summary>
public sealed class VonageSmsClientThrottlingTests
{
    [Fact]
    public async Task Status_1_wait_in_the_error_text_is_honoured_exactly()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((n, response) => VonageAnswers.Json(response, n == 0
            ? VonageAnswers.Status(1, "Throughput Rate Exceeded - please wait [ 300 ] and retry")
            : VonageAnswers.Accepted));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900102"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        Assert.Equal(TimeSpan.FromMilliseconds(300), Assert.Single(harness.Time.Waits));
        var requests = vonage.Requests;
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(300) - TimerSlack.Tolerance);
    }

    [Fact]
    public async Task Throttling_that_never_ends_gives_up_as_throttled_with_the_last_hint()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) =>
            VonageAnswers.Json(response, VonageAnswers.Status(1, "Throughput Rate Exceeded - please wait [ 10 ] and retry")));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress, o => o.SmsMaxAttempts = 4);

        var result = await harness.Client.SendAsync(TestSms.To("447700900103"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Throttled, result.Outcome);
        Assert.Equal(SmsStatusCodes.Throttled, result.VonageStatus);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(10), result.RetryAfter);
        Assert.False(result.MayHaveBeenSent);
    }

    [Fact]
    public async Task Throttle_hint_longer_than_the_maximum_wait_is_handed_back_not_waited()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) =>
            VonageAnswers.Json(response, VonageAnswers.Status(1, "Throughput Rate Exceeded - please wait [ 60000 ] and retry")));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress, o => o.MaxThrottleWait = TimeSpan.FromSeconds(30));

        var result = await harness.Client.SendAsync(TestSms.To("447700900104"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Throttled, result.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(1), result.RetryAfter);
        Assert.Equal(1, result.Attempts);
        Assert.Empty(harness.Time.Waits);
    }

    [Fact]
    public async Task Http_429_with_retry_after_seconds_is_honoured()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((n, response) =>
        {
            if (n > 0)
            {
                return VonageAnswers.Json(response, VonageAnswers.Accepted);
            }

            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = "1";
            return Task.CompletedTask;
        });
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900105"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(harness.Time.Waits));
        var requests = vonage.Requests;
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1) - TimerSlack.Tolerance);
    }

    [Fact]
    public async Task Http_429_without_retry_after_backs_off_and_gives_up_as_throttled()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) =>
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Task.CompletedTask;
        });
        await using var harness = SmsClientHarness.For(vonage.BaseAddress, o => o.SmsMaxAttempts = 3);

        var result = await harness.Client.SendAsync(TestSms.To("447700900106"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Throttled, result.Outcome);
        Assert.Equal(429, result.HttpStatus);
        Assert.Equal(3, vonage.Requests.Count);
        Assert.Equal(2, harness.Time.Waits.Count);
        Assert.All(harness.Time.Waits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Multipart_with_one_part_throttled_after_another_was_accepted_is_not_resent()
    {
        const string partial = """
            {"message-count":"2","messages":[
              {"to":"447700900107","message-id":"0C000000217B7F02","status":"0","message-price":"0.03330000","network":"23410"},
              {"to":"447700900107","status":"1","error-text":"Throughput Rate Exceeded - please wait [ 100 ] and retry"}]}
            """;
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) => VonageAnswers.Json(response, partial));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900107"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.PartiallyAccepted, result.Outcome);
        Assert.Equal(SmsStatusCodes.Throttled, result.VonageStatus);
        Assert.Equal(["0C000000217B7F02"], result.MessageIds);
        Assert.Equal(2, result.Parts.Count);
        Assert.True(result.MayHaveBeenSent);
        Assert.Single(vonage.Requests);
    }
}

using MassCampaign.Vonage.Sms;
using MassCampaign.Vonage.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace MassCampaign.Vonage.Tests.Sms;

/// <summary>
/// HTTP 5xx means Vonage did not take the SMS: retried with backoff, each attempt through the rate gate, then handed
/// back as Transient. No answer at all after sending stays Ambiguous and is never repeated (DESIGN.md §4 rule 4).
/// </summary>
public sealed class VonageSmsClientServerErrorTests
{
    [Fact]
    public async Task Http_500_is_retried_until_accepted()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((n, response) => n == 0
            ? Answer(response, StatusCodes.Status500InternalServerError)
            : VonageAnswers.Json(response, VonageAnswers.Accepted));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900120"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, vonage.Requests.Count);
    }

    [Fact]
    public async Task Http_503_that_persists_gives_up_as_transient_after_backing_off()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) => Answer(response, StatusCodes.Status503ServiceUnavailable));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress, o => o.SmsMaxAttempts = 3);

        var result = await harness.Client.SendAsync(TestSms.To("447700900121"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Transient, result.Outcome);
        Assert.Equal(503, result.HttpStatus);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, vonage.Requests.Count);
        Assert.False(result.MayHaveBeenSent);
        // The harness's backoff: 20 ms doubling, jittered, at most 100 ms.
        Assert.Equal(2, harness.Time.Waits.Count);
        Assert.All(harness.Time.Waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Http_503_with_retry_after_is_waited_as_told()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((n, response) =>
        {
            if (n > 0)
            {
                return VonageAnswers.Json(response, VonageAnswers.Accepted);
            }

            response.Headers.RetryAfter = "1";
            return Answer(response, StatusCodes.Status503ServiceUnavailable);
        });
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900122"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(harness.Time.Waits));
    }

    [Fact]
    public async Task Each_retry_of_an_http_500_waits_for_its_own_rate_token()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) => Answer(response, StatusCodes.Status500InternalServerError));
        using var gate = new ManualRateGate();
        await using var harness = SmsClientHarness.For(vonage.BaseAddress, o => o.SmsMaxAttempts = 3, gate);

        var sending = harness.Client.SendAsync(TestSms.To("447700900123"), CancellationToken.None);
        gate.Admit();
        await vonage.WaitForAsync(1, TimeSpan.FromSeconds(5));
        // Far longer than the harness's backoff: the retry is held by the gate, not by the backoff.
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Assert.Single(vonage.Requests);
        Assert.False(sending.IsCompleted);

        gate.Admit();
        await vonage.WaitForAsync(2, TimeSpan.FromSeconds(5));
        gate.Admit();
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(SmsSendOutcome.Transient, result.Outcome);
        Assert.Equal(3, vonage.Requests.Count);
    }

    [Fact]
    public async Task Connection_dropped_after_the_request_was_sent_is_ambiguous_and_not_resent()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) =>
        {
            response.HttpContext.Abort();
            return Task.CompletedTask;
        });
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900124"), CancellationToken.None);

        Assert.True(result.Outcome == SmsSendOutcome.Ambiguous, result.ErrorText);
        Assert.True(result.MayHaveBeenSent);
        Assert.Equal(1, result.Attempts);
        Assert.Single(vonage.Requests);
    }

    private static Task Answer(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

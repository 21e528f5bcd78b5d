using MassCampaign.Vonage.Sms;
using MassCampaign.Vonage.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace MassCampaign.Vonage.Tests.Sms;

/// <summary>The client against a loopback endpoint that answers exactly what Vonage may answer.</summary>
public sealed class VonageSmsClientScriptedTests
{
    [Fact]
    public async Task Internal_error_status_5_is_retried_until_accepted()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((n, response) =>
            VonageAnswers.Json(response, n == 0 ? VonageAnswers.Status(5, "Internal Error") : VonageAnswers.Accepted));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900100"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, vonage.Requests.Count);
    }

    [Fact]
    public async Task Too_many_binds_status_10_that_persists_gives_up_as_transient()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) =>
            VonageAnswers.Json(response, VonageAnswers.Status(10, "Too Many Existing Binds")));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress, o => o.SmsMaxAttempts = 3);

        var result = await harness.Client.SendAsync(TestSms.To("447700900101"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Transient, result.Outcome);
        Assert.Equal(SmsStatusCodes.TooManyExistingBinds, result.VonageStatus);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, vonage.Requests.Count);
        Assert.False(result.MayHaveBeenSent);
    }

    [Fact]
    public async Task Numbers_sent_as_json_numbers_are_read_like_strings()
    {
        const string numeric = """
            {"message-count":2,"messages":[
              {"message-id":"A1","status":0,"message-price":0.05,"remaining-balance":10.5,"network":"23410"},
              {"message-id":"A2","status":0,"message-price":0.05,"remaining-balance":10.45,"network":"23410"}]}
            """;
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) => VonageAnswers.Json(response, numeric));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900108"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        Assert.Equal(2, result.MessageCount);
        Assert.Equal(["A1", "A2"], result.MessageIds);
        Assert.Equal(0.10m, result.TotalPrice);
        Assert.Equal(10.45m, result.Parts[1].RemainingBalance);
    }

    [Fact]
    public async Task Unreadable_200_body_is_ambiguous_and_not_resent()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) => response.WriteAsync("<html>gateway</html>"));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900109"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Ambiguous, result.Outcome);
        Assert.Single(vonage.Requests);
    }

    [Fact]
    public async Task Http_401_is_an_account_refusal()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) =>
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        });
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900110"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.AccountRefused, result.Outcome);
        Assert.Equal(401, result.HttpStatus);
        Assert.Equal("Vonage refused the account: Invalid Credentials (HTTP 401)", result.AccountRefusalReason);
        Assert.Single(vonage.Requests);
    }

    [Theory]
    [InlineData(8, "Partner Account Barred")]
    [InlineData(9, "Partner Quota Violation")]
    [InlineData(11, "Account Not Enabled For HTTP")]
    [InlineData(14, "Invalid Signature")]
    [InlineData(15, "Invalid Sender Address")]
    [InlineData(32, "Signature And API Secret Disallowed")]
    public async Task Account_level_status_is_an_account_refusal_and_not_retried(int status, string name)
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) =>
            VonageAnswers.Json(response, VonageAnswers.Status(status, "Refused by the platform")));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900117"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.AccountRefused, result.Outcome);
        Assert.Equal(status, result.VonageStatus);
        Assert.Equal($"Vonage refused the account: {name} (status {status}): Refused by the platform", result.AccountRefusalReason);
        Assert.Equal(1, result.Attempts);
        Assert.Single(vonage.Requests);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(12)]
    [InlineData(22)]
    [InlineData(29)]
    [InlineData(33)]
    [InlineData(17)]
    public async Task Recipient_level_or_unknown_status_is_permanent_and_not_retried(int status)
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) =>
            VonageAnswers.Json(response, VonageAnswers.Status(status, "Refused")));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress);

        var result = await harness.Client.SendAsync(TestSms.To("447700900118"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Permanent, result.Outcome);
        Assert.Equal(status, result.VonageStatus);
        Assert.Null(result.AccountRefusalReason);
        Assert.Single(vonage.Requests);
    }

    [Fact]
    public async Task Request_is_form_encoded_with_basic_auth_and_no_credentials_in_the_body()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync((_, response) => VonageAnswers.Json(response, VonageAnswers.Accepted));
        await using var harness = SmsClientHarness.For(vonage.BaseAddress, o =>
        {
            o.ApiKey = "abcd1234";
            o.ApiSecret = "s3cr3t";
        });

        await harness.Client.SendAsync(TestSms.To("+447700900111", "a=b&c"), CancellationToken.None);

        var request = Assert.Single(vonage.Requests);
        Assert.Equal("/sms/json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String("abcd1234:s3cr3t"u8.ToArray()), request.Authorization);
        Assert.Equal("447700900111", request.Fields["to"]);
        Assert.Equal("a=b&c", request.Fields["text"]);
        Assert.Equal("r-447700900111-1", request.Fields["client-ref"]);
        Assert.DoesNotContain("api_secret", request.Fields.Keys);
        Assert.DoesNotContain("type", request.Fields.Keys);
    }
}

using System.Text.Json;
using MassCampaign.Vonage.Sms;

namespace MassCampaign.Vonage.Tests.Sms;

/// <summary>How an answer with one or several parts becomes one outcome, and when it carries an account refusal.</summary>
public sealed class SmsResponseReaderTests
{
    [Fact]
    public void Quota_violation_is_an_account_refusal_with_vonages_reason()
    {
        var result = Read("""{"message-count":"1","messages":[{"status":"9","error-text":"Quota Exceeded - rejected"}]}""");

        Assert.Equal(SmsSendOutcome.AccountRefused, result.Outcome);
        Assert.Equal(9, result.VonageStatus);
        Assert.Equal("Quota Exceeded - rejected", result.ErrorText);
        Assert.Equal("Vonage refused the account: Partner Quota Violation (status 9): Quota Exceeded - rejected", result.AccountRefusalReason);
        Assert.False(result.MayHaveBeenSent);
    }

    [Fact]
    public void Account_refusal_without_error_text_still_names_the_code()
    {
        var result = Read("""{"message-count":"1","messages":[{"status":"15"}]}""");

        Assert.Equal("Vonage refused the account: Invalid Sender Address (status 15)", result.AccountRefusalReason);
    }

    [Fact]
    public void Recipient_refusal_is_permanent_without_an_account_reason()
    {
        var result = Read("""{"message-count":"1","messages":[{"status":"7","error-text":"Number Barred"}]}""");

        Assert.Equal(SmsSendOutcome.Permanent, result.Outcome);
        Assert.Null(result.AccountRefusalReason);
    }

    [Fact]
    public void Account_refusal_outweighs_a_recipient_refusal_in_another_part()
    {
        var result = Read("""{"message-count":"2","messages":[{"status":"6","error-text":"Invalid Message"},{"status":"8","error-text":"Account Barred"}]}""");

        Assert.Equal(SmsSendOutcome.AccountRefused, result.Outcome);
        Assert.Equal(8, result.VonageStatus);
        Assert.Equal("Account Barred", result.ErrorText);
    }

    [Fact]
    public void Part_accepted_before_the_credit_ran_out_is_partially_accepted_and_still_carries_the_reason()
    {
        var result = Read("""
            {"message-count":"2","messages":[
              {"to":"447700900000","message-id":"0C000000217B7F02","status":"0"},
              {"status":"9","error-text":"Quota Exceeded - rejected"}]}
            """);

        Assert.Equal(SmsSendOutcome.PartiallyAccepted, result.Outcome);
        Assert.Equal(9, result.VonageStatus);
        Assert.Equal("Vonage refused the account: Partner Quota Violation (status 9): Quota Exceeded - rejected", result.AccountRefusalReason);
    }

    [Fact]
    public void Unknown_code_is_permanent()
    {
        var result = Read("""{"message-count":"1","messages":[{"status":"17","error-text":"Number Unreachable"}]}""");

        Assert.Equal(SmsSendOutcome.Permanent, result.Outcome);
        Assert.Equal(17, result.VonageStatus);
        Assert.Null(result.AccountRefusalReason);
    }

    [Fact]
    public void Throttled_and_internal_error_parts_together_are_throttled_with_the_wait_hint()
    {
        var result = Read("""
            {"message-count":"2","messages":[
              {"status":"5","error-text":"Internal Error"},
              {"status":"1","error-text":"Throughput Rate Exceeded - please wait [ 250 ] and retry"}]}
            """);

        Assert.Equal(SmsSendOutcome.Throttled, result.Outcome);
        Assert.Equal(TimeSpan.FromMilliseconds(250), result.RetryAfter);
    }

    private static SmsSendResult Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SmsResponseReader.Read(document.RootElement) ?? throw new InvalidOperationException("Unreadable answer.");
    }
}

using MassCampaign.Vonage.Sms;

namespace MassCampaign.Vonage.Tests.Sms;

/// <summary>Every status code VONAGE.md §1.5 lists, and what the client makes of it.</summary>
public sealed class SmsStatusClassificationTests
{
    public static TheoryData<int, string, SmsSendOutcome> DocumentedCodes => new()
    {
        { 0, "Success", SmsSendOutcome.Accepted },
        { 1, "Throttled", SmsSendOutcome.Throttled },
        { 2, "Missing Parameters", SmsSendOutcome.Permanent },
        { 3, "Invalid Parameters", SmsSendOutcome.Permanent },
        { 4, "Invalid Credentials", SmsSendOutcome.AccountRefused },
        { 5, "Internal Error", SmsSendOutcome.Transient },
        { 6, "Invalid Message", SmsSendOutcome.Permanent },
        { 7, "Number Barred", SmsSendOutcome.Permanent },
        { 8, "Partner Account Barred", SmsSendOutcome.AccountRefused },
        { 9, "Partner Quota Violation", SmsSendOutcome.AccountRefused },
        { 10, "Too Many Existing Binds", SmsSendOutcome.Transient },
        { 11, "Account Not Enabled For HTTP", SmsSendOutcome.AccountRefused },
        { 12, "Message Too Long", SmsSendOutcome.Permanent },
        { 14, "Invalid Signature", SmsSendOutcome.AccountRefused },
        { 15, "Invalid Sender Address", SmsSendOutcome.AccountRefused },
        { 22, "Invalid Network Code", SmsSendOutcome.Permanent },
        { 23, "Invalid Callback Url", SmsSendOutcome.Permanent },
        { 29, "Non-Whitelisted Destination", SmsSendOutcome.Permanent },
        { 32, "Signature And API Secret Disallowed", SmsSendOutcome.AccountRefused },
        { 33, "Number De-activated", SmsSendOutcome.Permanent },
    };

    [Theory]
    [MemberData(nameof(DocumentedCodes))]
    public void Documented_code_has_its_outcome_and_name(int status, string name, SmsSendOutcome outcome)
    {
        Assert.True(SmsStatusClassification.IsKnown(status));
        Assert.Equal(outcome, SmsStatusClassification.OutcomeOf(status));
        Assert.Equal($"{name} (status {status})", SmsStatusClassification.Describe(status));
    }

    [Fact]
    public void Throttling_internal_error_and_too_many_binds_are_the_only_retryable_codes()
    {
        var retryable = DocumentedCodes.Select(row => (int)row[0]).Where(SmsStatusClassification.IsRetryable);

        Assert.Equal([1, 5, 10], retryable);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(99)]
    public void Unknown_code_is_permanent_and_not_retried(int status)
    {
        Assert.False(SmsStatusClassification.IsKnown(status));
        Assert.Equal(SmsSendOutcome.Permanent, SmsStatusClassification.OutcomeOf(status));
        Assert.False(SmsStatusClassification.IsRetryable(status));
        Assert.Equal($"Unknown status {status}", SmsStatusClassification.Describe(status));
    }
}

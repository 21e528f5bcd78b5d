using MassCampaign.Domain.Recipients;
using MassCampaign.Domain.Voice;

namespace MassCampaign.Domain.Tests.Voice;

public sealed class HybridFollowUpTests
{
    [Theory]
    [InlineData(CallOutcome.NoAnswer, true)]
    [InlineData(CallOutcome.Busy, true)]
    [InlineData(CallOutcome.Voicemail, true)]
    [InlineData(CallOutcome.Answered, false)]
    [InlineData(CallOutcome.Failed, false)]
    [InlineData(CallOutcome.OptedOut, false)]
    public void An_sms_follows_a_call_that_did_not_reach_a_person(CallOutcome outcome, bool follows)
    {
        Assert.Equal(follows, HybridFollowUp.SmsFollowsCall(outcome));
    }

    [Theory]
    [InlineData(RecipientStatuses.Failed, "1", true)]
    [InlineData(RecipientStatuses.Failed, null, true)]
    [InlineData(RecipientStatuses.Expired, "3", true)]
    [InlineData(RecipientStatuses.Rejected, "6", true)]
    [InlineData(RecipientStatuses.Delivered, null, false)]
    [InlineData(RecipientStatuses.Sent, null, false)]
    [InlineData(RecipientStatuses.Unknown, null, false)]
    [InlineData(RecipientStatuses.SkippedBlacklisted, null, false)]
    public void A_call_follows_any_failed_sms(string status, string? errorCode, bool follows)
    {
        Assert.Equal(follows, HybridFollowUp.CallFollowsSms(errorCode, status));
    }
}

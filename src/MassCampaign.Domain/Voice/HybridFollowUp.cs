using MassCampaign.Domain.Recipients;

namespace MassCampaign.Domain.Voice;

/// <summary>Whether a hybrid campaign tries its second channel for a recipient after the first one ended.</summary>
public static class HybridFollowUp
{
    /// <summary>callFirst: an SMS follows a call that did not reach the recipient in person.</summary>
    public static bool SmsFollowsCall(CallOutcome outcome) =>
        outcome is CallOutcome.NoAnswer or CallOutcome.Busy or CallOutcome.Voicemail;

    /// <summary>
    /// smsFirst: a call follows an SMS that ended failed, expired or rejected. The error code is not consulted: telling
    /// an undeliverable SMS (a landline, a dead number) from a passing fault by code is brittle, and a call costs little
    /// next to a recipient who never hears from the campaign.
    /// </summary>
    /// <param name="errorCode">The SMS's error code, if any; not consulted, as said above.</param>
    /// <param name="recipientOutcome">The recipient's status after the SMS (<see cref="RecipientStatuses"/>).</param>
    public static bool CallFollowsSms(string? errorCode, string recipientOutcome) =>
        recipientOutcome is RecipientStatuses.Failed or RecipientStatuses.Expired or RecipientStatuses.Rejected;
}

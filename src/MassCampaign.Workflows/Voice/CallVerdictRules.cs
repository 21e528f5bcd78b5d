using MassCampaign.Data.Voice;
using MassCampaign.Domain.Campaigns;
using MassCampaign.Domain.Voice;

namespace MassCampaign.Workflows.Voice;

/// <summary>
/// What a call attempt's events mean for its call and recipient: in progress (only an unknown dial learns its call
/// exists), or an outcome, which retries the recipient, hands a callFirst hybrid's recipient to SMS, or is final.
/// </summary>
internal static class CallVerdictRules
{
    private const string Placeholder = "unknown:";

    public static CallVerdict? Decide(CallAttemptState state, IReadOnlyList<StoredCallEvent> events, DateTimeOffset now)
    {
        if (events.Count == 0 || state.CallEnded)
        {
            return null;
        }

        var voice = state.Settings.Voice;
        var outcome = CallProgress.Fold(events.Select(e => e.Status), events.Select(e => e.Digits), voice.OptOutDigit);
        var callUuid = events.Select(e => e.CallUuid).FirstOrDefault(uuid => !uuid.StartsWith(Placeholder, StringComparison.Ordinal));
        var final = events.LastOrDefault(e => CallProgress.IsFinalEvent(e.Status));
        var completed = events.LastOrDefault(e => e.Status == "completed");
        var digits = events.Select(e => e.Digits).LastOrDefault(d => !string.IsNullOrEmpty(d));
        var answered = events.Any(e => e.Status == "answered");
        if (outcome is not { } decided)
        {
            // Still in progress: worth a write only for a dial whose answer was lost, which now knows its call exists.
            return state.RecipientStatus == "unknown" && state.AwaitsThisAttempt
                ? new CallVerdict(state.ClientRef, state.RecipientId, callUuid, ConversationOf(events), events[^1].Status, null, "sent", null,
                    null, false, null, digits, null, null, answered)
                : null;
        }

        var (status, recipientOutcome, followUp, next) = RecipientAfter(state, decided, now);
        return new CallVerdict(
            state.ClientRef, state.RecipientId, callUuid, ConversationOf(events), (final ?? events[^1]).Status, CallOutcomeNames.ToWire(decided),
            status, recipientOutcome, decided == CallOutcome.Failed ? final?.Detail ?? final?.Status : null, followUp, next, digits,
            completed?.DurationSeconds, completed?.Price, answered);
    }

    private static (string Status, string Outcome, bool FollowUp, DateTimeOffset? Next) RecipientAfter(
        CallAttemptState state, CallOutcome outcome, DateTimeOffset now)
    {
        var wire = CallOutcomeNames.ToWire(outcome);
        // A finished campaign never reopens a recipient.
        var live = state.CampaignStatus is CampaignStatus.Running or CampaignStatus.Paused or CampaignStatus.Queued;
        // Events can beat the dial's own record of its call: that call is counted all the same.
        var unrecorded = state.CallRecorded ? 0 : 1;
        if (live && VoiceRetryRule.RetryAt(outcome, state.CallsMade + unrecorded, state.CallsInLast24Hours + unrecorded, state.Settings.Voice, now) is { } retryAt)
        {
            return ("pending", $"{wire}: called again at {retryAt:u}", false, retryAt);
        }

        if (live && state is { CampaignType: CampaignType.Hybrid, FollowUp: false }
            && state.Settings.Hybrid?.Mode == HybridMode.CallFirst && HybridFollowUp.SmsFollowsCall(outcome))
        {
            return ("pending", $"follow-up SMS: the call ended {wire}", true, now);
        }

        return (outcome is CallOutcome.Answered or CallOutcome.Voicemail or CallOutcome.OptedOut ? "delivered" : "failed", wire, false, null);
    }

    private static string? ConversationOf(IReadOnlyList<StoredCallEvent> events) =>
        events.Select(e => e.ConversationUuid).FirstOrDefault(c => !string.IsNullOrEmpty(c));
}

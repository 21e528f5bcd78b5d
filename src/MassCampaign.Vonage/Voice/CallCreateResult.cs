namespace MassCampaign.Vonage.Voice;

/// <summary>The outcome of one call creation with what Vonage said: the call's ids when created, else why not.</summary>
public sealed record CallCreateResult(
    CallCreateOutcome Outcome,
    string? CallUuid,
    string? ConversationUuid,
    string? ErrorCode,
    string? ErrorText,
    TimeSpan? RetryAfter = null)
{
    /// <summary>HTTP attempts made, counting the first.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Why Vonage refused the account, set only for AccountRefused; the campaign is paused with it.</summary>
    public string? AccountRefusalReason { get; init; }

    public bool MayHaveCreated => Outcome is CallCreateOutcome.Created or CallCreateOutcome.Ambiguous;

    internal static CallCreateResult Failed(CallCreateOutcome outcome, string? code, string errorText, TimeSpan? retryAfter = null) =>
        new(outcome, null, null, code, errorText, retryAfter);
}

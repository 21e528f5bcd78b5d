namespace MassCampaign.Data.Voice;

/// <summary>
/// What an attempt's events decided, written to its calls row and its recipient in one set-based write.
/// <see cref="Outcome"/> is null while the call is still in progress (the recipient is then 'sent').
/// </summary>
/// <param name="RecipientStatus">sent (in progress), delivered, failed, or pending (a retry or a follow-up).</param>
/// <param name="CallStatus">The latest provider status of the call, e.g. completed, busy, timeout.</param>
public sealed record CallVerdict(
    string ClientRef,
    long RecipientId,
    string? CallUuid,
    string? ConversationUuid,
    string CallStatus,
    string? Outcome,
    string RecipientStatus,
    string? RecipientOutcome,
    string? ErrorCode,
    bool FollowUp,
    DateTimeOffset? NextAttemptAt,
    string? Digits,
    int? DurationSeconds,
    decimal? Price,
    bool Answered);

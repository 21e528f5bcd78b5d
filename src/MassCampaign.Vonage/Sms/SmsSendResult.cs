namespace MassCampaign.Vonage.Sms;

/// <summary>
/// The outcome of one send with everything Vonage said: every part, the <see cref="VonageStatus"/> and
/// <see cref="ErrorText"/> of the refusing part that decided the outcome, or the <see cref="HttpStatus"/> when the
/// answer was not a Vonage body. <see cref="RetryAfter"/> is the throttling hint when the client gave up waiting.
/// </summary>
public sealed record SmsSendResult(
    SmsSendOutcome Outcome,
    IReadOnlyList<SmsPartResult> Parts,
    int? VonageStatus,
    int? HttpStatus,
    string? ErrorText,
    TimeSpan? RetryAfter = null)
{
    /// <summary>HTTP attempts made, counting the first.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Vonage's <c>message-count</c>; 0 when the answer had none.</summary>
    public int MessageCount { get; init; }

    /// <summary>
    /// Why Vonage refused the whole account or sender, e.g. <c>Vonage refused the account: Partner Quota Violation
    /// (status 9): Quota Exceeded</c>; set for AccountRefused and for a PartiallyAccepted message one of whose parts
    /// was refused that way, null otherwise. The campaign is paused with it.
    /// </summary>
    public string? AccountRefusalReason { get; init; }

    public decimal TotalPrice => Parts.Sum(p => p.Price ?? 0m);

    public IReadOnlyList<string> MessageIds => [.. Parts.Where(p => p.IsAccepted && p.MessageId is not null).Select(p => p.MessageId!)];

    public bool MayHaveBeenSent => Outcome is SmsSendOutcome.Accepted or SmsSendOutcome.PartiallyAccepted or SmsSendOutcome.Ambiguous;

    internal static SmsSendResult Failed(SmsSendOutcome outcome, string errorText, int? httpStatus = null, TimeSpan? retryAfter = null) =>
        new(outcome, [], null, httpStatus, errorText, retryAfter);

    internal static string AccountRefusal(string what, string? errorText) =>
        string.IsNullOrEmpty(errorText) ? $"Vonage refused the account: {what}" : $"Vonage refused the account: {what}: {errorText}";
}

namespace MassCampaign.Vonage.Sms;

/// <summary>
/// The outcome of one send with everything Vonage said: every part, the first refusing part's
/// <see cref="VonageStatus"/> and <see cref="ErrorText"/>, or the <see cref="HttpStatus"/> when the
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

    public decimal TotalPrice => Parts.Sum(p => p.Price ?? 0m);

    public IReadOnlyList<string> MessageIds => [.. Parts.Where(p => p.IsAccepted && p.MessageId is not null).Select(p => p.MessageId!)];

    public bool MayHaveBeenSent => Outcome is SmsSendOutcome.Accepted or SmsSendOutcome.PartiallyAccepted or SmsSendOutcome.Ambiguous;

    internal static SmsSendResult Failed(SmsSendOutcome outcome, string errorText, int? httpStatus = null, TimeSpan? retryAfter = null) =>
        new(outcome, [], null, httpStatus, errorText, retryAfter);
}

namespace MassCampaign.Simulator;

/// <summary>
/// The body of <c>GET /_sim/stats</c>. <see cref="TotalSms"/> and <see cref="SmsByRecipient"/> (E.164 with '+')
/// count accepted submissions only, not parts: "every recipient got exactly one SMS" reads from them.
/// <see cref="RequestsByRecipient"/> counts every request that named a recipient, accepted or not. The rest count what
/// happened to every request and webhook: <see cref="Http500Answered"/>, <see cref="HeldAnswers"/> (accepted, answer
/// held) and <see cref="AccountErrors"/> are the injected faults; <see cref="DlrsFailed"/> counts receipts given up on;
/// <see cref="DlrsRetried"/> counts posts that will be tried again.
/// </summary>
public sealed record SimulatorStats(
    long TotalSms,
    IReadOnlyDictionary<string, long> SmsByRecipient,
    long TotalCalls,
    IReadOnlyDictionary<string, long> CallsByRecipient,
    long TotalRequests,
    long TotalParts,
    long Throttled,
    long Rejected,
    long Http500Answered,
    long HeldAnswers,
    long DlrsQueued,
    long DlrsDelivered,
    long DlrsFailed,
    long InboundSent,
    long DlrsRetried,
    long AccountErrors,
    IReadOnlyDictionary<string, long> RequestsByRecipient);

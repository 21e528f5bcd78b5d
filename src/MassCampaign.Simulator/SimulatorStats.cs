namespace MassCampaign.Simulator;

/// <summary>
/// The body of <c>GET /_sim/stats</c>. <see cref="TotalSms"/> and <see cref="SmsByRecipient"/> (E.164 with '+')
/// count accepted submissions, not parts; the rest count what happened to every request and webhook.
/// <see cref="DlrsFailed"/> counts receipts given up on; <see cref="DlrsRetried"/> counts posts that will be tried again.
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
    long ServerErrors,
    long HeldForTimeout,
    long DlrsQueued,
    long DlrsDelivered,
    long DlrsFailed,
    long InboundSent,
    long DlrsRetried);

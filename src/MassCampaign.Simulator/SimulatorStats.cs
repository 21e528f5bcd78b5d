using System.Text.Json;
using MassCampaign.Simulator.Voice;

namespace MassCampaign.Simulator;

/// <summary>
/// The body of <c>GET /_sim/stats</c>. <see cref="TotalSms"/> and <see cref="SmsByRecipient"/> (E.164 with '+')
/// count accepted submissions only, not parts: "every recipient got exactly one SMS" reads from them.
/// <see cref="RequestsByRecipient"/> counts every request that named a recipient, accepted or not. The rest count what
/// happened to every request and webhook: <see cref="Http500Answered"/>, <see cref="HeldAnswers"/> (accepted, answer
/// held) and <see cref="AccountErrors"/> are the injected faults; <see cref="DlrsFailed"/> counts receipts given up on;
/// <see cref="DlrsRetried"/> counts posts that will be tried again. Voice: <see cref="TotalCalls"/> and
/// <see cref="CallsByRecipient"/> (E.164 with '+') count created calls, as <see cref="CallsCreated"/> does; a call is
/// in progress from its creation until its final event is posted.
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
    IReadOnlyDictionary<string, long> RequestsByRecipient)
{
    public long CallsCreated { get; init; }

    /// <summary>Calls refused 429 for going over the configured calls per second; none of them was created.</summary>
    public long CallsThrottled { get; init; }

    public long CallsInProgress { get; init; }

    public long MaxConcurrentCalls { get; init; }

    public long MaxCallsCreatedInAnySecond { get; init; }

    /// <summary>The answer NCCO each number last heard, as its answer URL returned it (to check personalisation).</summary>
    public IReadOnlyDictionary<string, JsonElement> NccoByRecipient { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The keys each number last pressed at an <c>input</c>; a number that pressed nothing is absent.</summary>
    public IReadOnlyDictionary<string, string> DtmfByRecipient { get; init; } = new Dictionary<string, string>();

    /// <summary>The outcomes drawn (or forced) for created calls.</summary>
    public CallOutcomeCounts CallOutcomes { get; init; } = new(0, 0, 0, 0, 0);

    /// <summary>How long the host took to answer each NCCO fetch, as Vonage would wait for it.</summary>
    public AnswerLatency AnswerLatency { get; init; } = AnswerLatency.Of([]);
}

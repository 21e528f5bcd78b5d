using MassCampaign.Simulator.Voice;
using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Simulator;

/// <summary>
/// The knobs in force right now. Immutable and swapped whole, so a request reads one consistent set without locks.
/// Rates are shares from 0 to 1, drawn independently per request; <see cref="ThrottlePerSecond"/> 0 means unlimited.
/// Every knob is described in the Simulator's README.md.
/// </summary>
public sealed record SimulatorSettings
{
    public int ThrottlePerSecond { get; init; }

    /// <summary>Share of SMS requests answered HTTP 500 without taking the SMS: no receipt, not counted as accepted.</summary>
    public double Http500Rate { get; init; }

    /// <summary>
    /// Share of SMS requests taken (counted, receipt scheduled) whose answer is then held <see cref="HeldAnswerMs"/>:
    /// accepted, but answered after the client timed out.
    /// </summary>
    public double HeldAnswerRate { get; init; }

    public int HeldAnswerMs { get; init; }

    /// <summary>Share of SMS requests refused with status 6 (Invalid Message).</summary>
    public double PermanentFailureRate { get; init; }

    /// <summary>While set, every SMS request is refused with this status (e.g. 9 Partner Quota Violation) and none is taken.</summary>
    public int? AccountError { get; init; }

    public int LatencyMs { get; init; }

    public int DlrDelayMs { get; init; }

    /// <summary>Share of delivery receipts that report failed or expired instead of delivered.</summary>
    public double DlrFailureRate { get; init; }

    /// <summary>Where receipts go when a request carries no <c>callback</c>; none are sent when both are missing.</summary>
    public string? DlrUrl { get; init; }

    public string? InboundUrl { get; init; }

    /// <summary>
    /// When set, receipts and inbound webhooks carry <c>timestamp</c>, <c>nonce</c> and <c>sig</c>, and voice callbacks
    /// an HS256 JWT signed with it.
    /// </summary>
    public string? SignatureSecret { get; init; }

    public VonageSignatureMethod SignatureMethod { get; init; }

    public VoiceSettings Voice { get; init; } = new();
}

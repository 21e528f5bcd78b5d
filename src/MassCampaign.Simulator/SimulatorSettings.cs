using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Simulator;

/// <summary>
/// The knobs in force right now. Immutable and swapped whole, so a request reads one consistent set without locks.
/// Rates are shares from 0 to 1; <see cref="ThrottlePerSecond"/> 0 means unlimited.
/// </summary>
public sealed record SimulatorSettings
{
    public int ThrottlePerSecond { get; init; }

    /// <summary>Share of SMS requests answered HTTP 500 without taking the SMS.</summary>
    public double FailureRate { get; init; }

    /// <summary>Share of SMS requests taken and then held <see cref="TimeoutHoldMs"/> before answering: the ambiguous case.</summary>
    public double TimeoutRate { get; init; }

    public int TimeoutHoldMs { get; init; }

    /// <summary>Share of SMS requests refused with status 6 (Invalid Message).</summary>
    public double PermanentFailureRate { get; init; }

    public int LatencyMs { get; init; }

    public int DlrDelayMs { get; init; }

    /// <summary>Share of delivery receipts that report failed or expired instead of delivered.</summary>
    public double DlrFailureRate { get; init; }

    /// <summary>Where receipts go when a request carries no <c>callback</c>; none are sent when both are missing.</summary>
    public string? DlrUrl { get; init; }

    public string? InboundUrl { get; init; }

    /// <summary>When set, receipts and inbound webhooks carry <c>timestamp</c>, <c>nonce</c> and <c>sig</c>.</summary>
    public string? SignatureSecret { get; init; }

    public VonageSignatureMethod SignatureMethod { get; init; }
}

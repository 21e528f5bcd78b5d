using MassCampaign.Simulator.Webhooks;
using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Simulator;

/// <summary>
/// How the Simulator starts: the credentials it accepts, where it listens, and the first values of the knobs
/// that <c>POST /_sim/config</c> changes later. Bound from the "Simulator" configuration section by the executable.
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";
    public const int ExecutablePort = 7072;

    public string ApiKey { get; set; } = "simulator";

    public string ApiSecret { get; set; } = "simulator-secret";

    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port; the executable defaults to 7072.</summary>
    public int Port { get; set; }

    /// <summary>Concurrent webhook posts (delivery receipts) in flight.</summary>
    public int WebhookWorkers { get; set; } = 32;

    public int ThrottlePerSecond { get; set; }

    public double Http500Rate { get; set; }

    public double HeldAnswerRate { get; set; }

    /// <summary>Longer than the client's default 10 s request timeout, so a held answer arrives after it gave up.</summary>
    public int HeldAnswerMs { get; set; } = 30_000;

    public double PermanentFailureRate { get; set; }

    public int? AccountError { get; set; }

    public int LatencyMs { get; set; }

    public int DlrDelayMs { get; set; } = 100;

    public double DlrFailureRate { get; set; }

    /// <summary>A receipt the host did not take is posted again after this, doubling with each failure…</summary>
    public int DlrRetryFirstDelayMs { get; set; } = 200;

    /// <summary>…up to this wait between posts (Vonage: 15 minutes)…</summary>
    public int DlrRetryMaxDelayMs { get; set; } = 10_000;

    /// <summary>…for this long after its first failed post (Vonage: 24 hours), then it is given up and counted failed.</summary>
    public int DlrRetryForMs { get; set; } = 3_600_000;

    public string? DlrUrl { get; set; }

    public string? InboundUrl { get; set; }

    public string? SignatureSecret { get; set; }

    public VonageSignatureMethod SignatureMethod { get; set; } = VonageSignatureMethod.Md5Hash;

    /// <summary>When set, a call's JWT must carry this <c>application_id</c>; signed voice callbacks carry it too.</summary>
    public string? VoiceApplicationId { get; set; }

    /// <summary>
    /// PEM file of the Vonage application's RSA private key, the one the host signs call JWTs with; the Simulator
    /// checks those JWTs with its public half. Without it every Voice API request is refused 401.
    /// </summary>
    public string? VoicePrivateKeyPath { get; set; }

    // A first wait of at least 1 ms and a ceiling no lower than it: a zero or negative setting must not turn a host
    // outage into a tight loop of posts.
    internal WebhookRetrySchedule DlrRetrySchedule()
    {
        var first = Math.Max(1, DlrRetryFirstDelayMs);
        return new WebhookRetrySchedule(
            TimeSpan.FromMilliseconds(first), TimeSpan.FromMilliseconds(Math.Max(first, DlrRetryMaxDelayMs)), TimeSpan.FromMilliseconds(Math.Max(0, DlrRetryForMs)));
    }

    internal SimulatorSettings ToSettings() => new()
    {
        ThrottlePerSecond = ThrottlePerSecond,
        Http500Rate = Http500Rate,
        HeldAnswerRate = HeldAnswerRate,
        HeldAnswerMs = HeldAnswerMs,
        PermanentFailureRate = PermanentFailureRate,
        AccountError = AccountError,
        LatencyMs = LatencyMs,
        DlrDelayMs = DlrDelayMs,
        DlrFailureRate = DlrFailureRate,
        DlrUrl = DlrUrl,
        InboundUrl = InboundUrl,
        SignatureSecret = SignatureSecret,
        SignatureMethod = SignatureMethod,
    };
}

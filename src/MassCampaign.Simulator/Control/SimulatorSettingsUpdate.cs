using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Simulator.Control;

/// <summary>The body of <c>POST /_sim/config</c>: only the knobs present change; an empty string clears a URL or secret.</summary>
public sealed record SimulatorSettingsUpdate
{
    public int? ThrottlePerSecond { get; init; }

    public double? FailureRate { get; init; }

    public double? TimeoutRate { get; init; }

    public int? TimeoutHoldMs { get; init; }

    public double? PermanentFailureRate { get; init; }

    public int? LatencyMs { get; init; }

    public int? DlrDelayMs { get; init; }

    public double? DlrFailureRate { get; init; }

    public string? DlrUrl { get; init; }

    public string? InboundUrl { get; init; }

    public string? SignatureSecret { get; init; }

    public VonageSignatureMethod? SignatureMethod { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, rate) in new[]
                 {
                     ("failureRate", FailureRate), ("timeoutRate", TimeoutRate),
                     ("permanentFailureRate", PermanentFailureRate), ("dlrFailureRate", DlrFailureRate),
                 })
        {
            if (rate is < 0 or > 1)
            {
                errors.Add($"{name} is a share between 0 and 1, not {rate}.");
            }
        }

        foreach (var (name, value) in new[]
                 {
                     ("throttlePerSecond", ThrottlePerSecond), ("timeoutHoldMs", TimeoutHoldMs),
                     ("latencyMs", LatencyMs), ("dlrDelayMs", DlrDelayMs),
                 })
        {
            if (value < 0)
            {
                errors.Add($"{name} cannot be negative.");
            }
        }

        foreach (var (name, url) in new[] { ("dlrUrl", DlrUrl), ("inboundUrl", InboundUrl) })
        {
            if (!string.IsNullOrEmpty(url) && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                errors.Add($"{name} must be an absolute URL, not '{url}'.");
            }
        }

        return errors;
    }

    public SimulatorSettings ApplyTo(SimulatorSettings current) => current with
    {
        ThrottlePerSecond = ThrottlePerSecond ?? current.ThrottlePerSecond,
        FailureRate = FailureRate ?? current.FailureRate,
        TimeoutRate = TimeoutRate ?? current.TimeoutRate,
        TimeoutHoldMs = TimeoutHoldMs ?? current.TimeoutHoldMs,
        PermanentFailureRate = PermanentFailureRate ?? current.PermanentFailureRate,
        LatencyMs = LatencyMs ?? current.LatencyMs,
        DlrDelayMs = DlrDelayMs ?? current.DlrDelayMs,
        DlrFailureRate = DlrFailureRate ?? current.DlrFailureRate,
        DlrUrl = Replace(DlrUrl, current.DlrUrl),
        InboundUrl = Replace(InboundUrl, current.InboundUrl),
        SignatureSecret = Replace(SignatureSecret, current.SignatureSecret),
        SignatureMethod = SignatureMethod ?? current.SignatureMethod,
    };

    private static string? Replace(string? update, string? current) =>
        update is null ? current : update.Length == 0 ? null : update;
}

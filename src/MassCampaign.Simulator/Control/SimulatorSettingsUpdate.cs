using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Simulator.Control;

/// <summary>
/// The body of <c>POST /_sim/config</c>: only the knobs present change; an empty string clears a URL or secret and
/// <c>"accountError": null</c> ends the account error. Every knob is described in the Simulator's README.md.
/// </summary>
public sealed record SimulatorSettingsUpdate
{
    private readonly int? _accountError;

    // An absent accountError leaves it as it is; an explicit null clears it, so the two must be told apart.
    private readonly bool _accountErrorGiven;

    public int? ThrottlePerSecond { get; init; }

    public double? Http500Rate { get; init; }

    public double? HeldAnswerRate { get; init; }

    public int? HeldAnswerMs { get; init; }

    /// <summary>The older name of <see cref="Http500Rate"/>, still accepted (DESIGN.md §8 lists it).</summary>
    public double? FailureRate { get; init; }

    /// <summary>The older name of <see cref="HeldAnswerRate"/>, still accepted.</summary>
    public double? TimeoutRate { get; init; }

    /// <summary>The older name of <see cref="HeldAnswerMs"/>, still accepted.</summary>
    public int? TimeoutHoldMs { get; init; }

    public double? PermanentFailureRate { get; init; }

    /// <summary>A Vonage status code to refuse every send with; null, when given, ends it.</summary>
    public int? AccountError
    {
        get => _accountError;
        init
        {
            _accountError = value;
            _accountErrorGiven = true;
        }
    }

    public int? LatencyMs { get; init; }

    public int? DlrDelayMs { get; init; }

    public double? DlrFailureRate { get; init; }

    public string? DlrUrl { get; init; }

    public string? InboundUrl { get; init; }

    public string? SignatureSecret { get; init; }

    public VonageSignatureMethod? SignatureMethod { get; init; }

    public VoiceSettingsUpdate? Voice { get; init; }

    /// <param name="current">The settings in force: the voice outcome shares are checked merged with them.</param>
    public IReadOnlyList<string> Validate(SimulatorSettings current)
    {
        var errors = new List<string>();
        foreach (var (name, rate) in new[]
                 {
                     ("http500Rate", Http500Rate), ("failureRate", FailureRate), ("heldAnswerRate", HeldAnswerRate),
                     ("timeoutRate", TimeoutRate), ("permanentFailureRate", PermanentFailureRate), ("dlrFailureRate", DlrFailureRate),
                 })
        {
            if (rate is < 0 or > 1)
            {
                errors.Add($"{name} is a share between 0 and 1, not {rate}.");
            }
        }

        foreach (var (name, value) in new[]
                 {
                     ("throttlePerSecond", ThrottlePerSecond), ("heldAnswerMs", HeldAnswerMs), ("timeoutHoldMs", TimeoutHoldMs),
                     ("latencyMs", LatencyMs), ("dlrDelayMs", DlrDelayMs),
                 })
        {
            if (value < 0)
            {
                errors.Add($"{name} cannot be negative.");
            }
        }

        if (AccountError <= 0)
        {
            errors.Add($"accountError is a Vonage status code such as 9, or null to end it; not {AccountError}.");
        }

        foreach (var (name, url) in new[] { ("dlrUrl", DlrUrl), ("inboundUrl", InboundUrl) })
        {
            if (!string.IsNullOrEmpty(url) && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                errors.Add($"{name} must be an absolute URL, not '{url}'.");
            }
        }

        if (Voice is not null)
        {
            errors.AddRange(Voice.Validate(current.Voice));
        }

        return errors;
    }

    public SimulatorSettings ApplyTo(SimulatorSettings current) => current with
    {
        ThrottlePerSecond = ThrottlePerSecond ?? current.ThrottlePerSecond,
        Http500Rate = Http500Rate ?? FailureRate ?? current.Http500Rate,
        HeldAnswerRate = HeldAnswerRate ?? TimeoutRate ?? current.HeldAnswerRate,
        HeldAnswerMs = HeldAnswerMs ?? TimeoutHoldMs ?? current.HeldAnswerMs,
        PermanentFailureRate = PermanentFailureRate ?? current.PermanentFailureRate,
        AccountError = _accountErrorGiven ? AccountError : current.AccountError,
        LatencyMs = LatencyMs ?? current.LatencyMs,
        DlrDelayMs = DlrDelayMs ?? current.DlrDelayMs,
        DlrFailureRate = DlrFailureRate ?? current.DlrFailureRate,
        DlrUrl = Replace(DlrUrl, current.DlrUrl),
        InboundUrl = Replace(InboundUrl, current.InboundUrl),
        SignatureSecret = Replace(SignatureSecret, current.SignatureSecret),
        SignatureMethod = SignatureMethod ?? current.SignatureMethod,
        Voice = Voice?.ApplyTo(current.Voice) ?? current.Voice,
    };

    private static string? Replace(string? update, string? current) =>
        update is null ? current : update.Length == 0 ? null : update;
}

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// The voice knobs in force (the <c>voice</c> object of <c>/_sim/config</c>). Outcome shares are drawn once per created
/// call: machine, busy, noAnswer and failed take their shares and whatever is left is human, so <see cref="Human"/> is
/// only checked, never drawn. Numbers in the by-number maps are digits without '+'. Every knob is described in the
/// Simulator's README.md.
/// </summary>
public sealed record VoiceSettings
{
    public double Human { get; init; } = 0.6;

    public double Machine { get; init; } = 0.2;

    public double Busy { get; init; } = 0.1;

    public double NoAnswer { get; init; } = 0.1;

    public double Failed { get; init; }

    /// <summary>Share of answered human calls pressing each key at an <c>input</c>; the rest press nothing and time out.</summary>
    public IReadOnlyDictionary<string, double> Dtmf { get; init; } = new Dictionary<string, double>();

    /// <summary>Ringing time before <c>answered</c>, <c>busy</c> or <c>timeout</c>.</summary>
    public int AnswerDelayMs { get; init; } = 300;

    /// <summary>How long a <c>talk</c> action lasts per character of its text.</summary>
    public int TalkMsPerChar { get; init; } = 2;

    /// <summary>Calls created per wall-clock second before <c>POST /v1/calls</c> answers 429 (Vonage: 3).</summary>
    public int CallsPerSecond { get; init; } = 3;

    /// <summary>Outcome names (human, machine, busy, noAnswer, failed) forced for numbers, over the drawn mix.</summary>
    public IReadOnlyDictionary<string, string> OutcomeByNumber { get; init; } = new Dictionary<string, string>();

    /// <summary>Keys a number presses at every <c>input</c>, over the drawn mix; "" presses nothing.</summary>
    public IReadOnlyDictionary<string, string> DtmfByNumber { get; init; } = new Dictionary<string, string>();

    /// <summary>What the network loses for numbers (<see cref="VoiceLosses"/>): "request", "answer", "events" or "both".</summary>
    public IReadOnlyDictionary<string, string> LostByNumber { get; init; } = new Dictionary<string, string>();
}

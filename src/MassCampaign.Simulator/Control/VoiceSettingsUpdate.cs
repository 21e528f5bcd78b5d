using MassCampaign.Simulator.Voice;

namespace MassCampaign.Simulator.Control;

/// <summary>
/// The <c>voice</c> object of <c>POST /_sim/config</c>: only the knobs present change; a map given replaces the whole
/// map. The outcome shares are checked once merged with those in force, so they may be changed one at a time.
/// </summary>
public sealed record VoiceSettingsUpdate
{
    private const double Rounding = 1e-9;

    public double? Human { get; init; }

    public double? Machine { get; init; }

    public double? Busy { get; init; }

    public double? NoAnswer { get; init; }

    public double? Failed { get; init; }

    public IReadOnlyDictionary<string, double>? Dtmf { get; init; }

    public int? AnswerDelayMs { get; init; }

    public int? TalkMsPerChar { get; init; }

    public int? CallsPerSecond { get; init; }

    public IReadOnlyDictionary<string, string>? OutcomeByNumber { get; init; }

    public IReadOnlyDictionary<string, string>? DtmfByNumber { get; init; }

    public IReadOnlyDictionary<string, string>? LostByNumber { get; init; }

    public IReadOnlyList<string> Validate(VoiceSettings current)
    {
        var errors = new List<string>();
        var merged = ApplyTo(current);
        var outcomes = new[]
        {
            ("human", merged.Human), ("machine", merged.Machine), ("busy", merged.Busy), ("noAnswer", merged.NoAnswer), ("failed", merged.Failed),
        };
        foreach (var (name, share) in outcomes.Concat(merged.Dtmf.Select(d => ($"dtmf.{d.Key}", d.Value))))
        {
            if (share is < 0 or > 1 || double.IsNaN(share))
            {
                errors.Add($"voice.{name} is a share between 0 and 1, not {share}.");
            }
        }

        if (outcomes.Sum(o => o.Item2) > 1 + Rounding)
        {
            errors.Add($"voice outcome shares (human, machine, busy, noAnswer, failed) add up to {outcomes.Sum(o => o.Item2)}; at most 1.");
        }

        if (merged.Dtmf.Values.Sum() > 1 + Rounding)
        {
            errors.Add($"voice.dtmf shares add up to {merged.Dtmf.Values.Sum()}; at most 1, the rest pressing nothing.");
        }

        errors.AddRange(merged.Dtmf.Keys.Where(k => k.Length != 1 || !IsKeys(k))
            .Select(k => $"voice.dtmf keys are one key of 0-9, * or #, not '{k}'."));
        errors.AddRange(merged.DtmfByNumber.Where(d => !IsNumber(d.Key) || !IsKeys(d.Value))
            .Select(d => $"voice.dtmfByNumber maps a number (digits) to up to 20 keys of 0-9, * or #; not '{d.Key}': '{d.Value}'."));
        errors.AddRange(merged.OutcomeByNumber.Where(o => !IsNumber(o.Key) || CallOutcomeNames.Parse(o.Value) is null)
            .Select(o => $"voice.outcomeByNumber maps a number (digits) to one of {string.Join(", ", CallOutcomeNames.All)}; not '{o.Key}': '{o.Value}'."));
        errors.AddRange(merged.LostByNumber.Where(l => !IsNumber(l.Key) || !VoiceLosses.IsKnown(l.Value))
            .Select(l => $"voice.lostByNumber maps a number (digits) to one of {string.Join(", ", VoiceLosses.All)}; not '{l.Key}': '{l.Value}'."));

        if (merged.CallsPerSecond < 1)
        {
            errors.Add($"voice.callsPerSecond is at least 1, not {merged.CallsPerSecond}.");
        }

        foreach (var (name, value) in new[] { ("answerDelayMs", merged.AnswerDelayMs), ("talkMsPerChar", merged.TalkMsPerChar) })
        {
            if (value < 0)
            {
                errors.Add($"voice.{name} cannot be negative.");
            }
        }

        return errors;
    }

    public VoiceSettings ApplyTo(VoiceSettings current) => current with
    {
        Human = Human ?? current.Human,
        Machine = Machine ?? current.Machine,
        Busy = Busy ?? current.Busy,
        NoAnswer = NoAnswer ?? current.NoAnswer,
        Failed = Failed ?? current.Failed,
        Dtmf = Dtmf is null ? current.Dtmf : new Dictionary<string, double>(Dtmf, StringComparer.Ordinal),
        AnswerDelayMs = AnswerDelayMs ?? current.AnswerDelayMs,
        TalkMsPerChar = TalkMsPerChar ?? current.TalkMsPerChar,
        CallsPerSecond = CallsPerSecond ?? current.CallsPerSecond,
        OutcomeByNumber = OutcomeByNumber is null ? current.OutcomeByNumber : ByDigits(OutcomeByNumber),
        DtmfByNumber = DtmfByNumber is null ? current.DtmfByNumber : ByDigits(DtmfByNumber),
        LostByNumber = LostByNumber is null ? current.LostByNumber : ByDigits(LostByNumber),
    };

    // "+447700900001" and "447700900001" name the same number; the Voice API carries digits only.
    private static Dictionary<string, string> ByDigits(IReadOnlyDictionary<string, string> byNumber)
    {
        var byDigits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (number, value) in byNumber)
        {
            byDigits[number.TrimStart('+')] = value;
        }

        return byDigits;
    }

    private static bool IsNumber(string number) => number.Length > 0 && number.All(char.IsAsciiDigit);

    // Vonage's input takes at most 20 keys (maxDigits).
    private static bool IsKeys(string keys) => keys.Length <= 20 && keys.All(k => char.IsAsciiDigit(k) || k is '*' or '#');
}

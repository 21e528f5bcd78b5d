namespace MassCampaign.Simulator.Voice;

/// <summary>Draws a call's outcome and the keys it presses: a number's forced value first, else the configured shares.</summary>
internal static class VoiceMix
{
    public static CallOutcome Outcome(VoiceSettings settings, string number)
    {
        if (settings.OutcomeByNumber.TryGetValue(number, out var forced) && CallOutcomeNames.Parse(forced) is { } outcome)
        {
            return outcome;
        }

        return Draw<CallOutcome?>([
            (CallOutcome.Machine, settings.Machine), (CallOutcome.Busy, settings.Busy),
            (CallOutcome.NoAnswer, settings.NoAnswer), (CallOutcome.Failed, settings.Failed),
        ]) ?? CallOutcome.Human;
    }

    /// <returns>The keys pressed, or "" when the caller presses nothing and the input times out.</returns>
    public static string Digits(VoiceSettings settings, string number) =>
        settings.DtmfByNumber.TryGetValue(number, out var forced)
            ? forced
            : Draw<string>(settings.Dtmf.Select(d => (d.Key, d.Value))) ?? "";

    private static T? Draw<T>(IEnumerable<(T Value, double Share)> shares)
    {
        var roll = Random.Shared.NextDouble();
        var upTo = 0.0;
        foreach (var (value, share) in shares)
        {
            upTo += share;
            if (roll < upTo)
            {
                return value;
            }
        }

        return default;
    }
}

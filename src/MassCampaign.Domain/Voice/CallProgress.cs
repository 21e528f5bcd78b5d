namespace MassCampaign.Domain.Voice;

/// <summary>
/// Reads a call attempt's Vonage event statuses (VONAGE.md §6) as they arrive, in any order and with repeats, and says
/// whether and how the call has ended.
/// </summary>
public static class CallProgress
{
    private const string Completed = "completed";

    // Vonage sends completed after some of these, so each says more about the call than completed does. Should two of
    // them arrive, the first listed wins, so the answer never depends on the order events arrive in.
    private static readonly (string Status, CallOutcome Outcome)[] EndsBeforeCompleted =
    [
        ("busy", CallOutcome.Busy),
        ("failed", CallOutcome.Failed),
        ("rejected", CallOutcome.Failed),
        ("timeout", CallOutcome.NoAnswer),
        ("unanswered", CallOutcome.NoAnswer),
        ("cancelled", CallOutcome.NoAnswer),
    ];

    // Machine detection reports human or machine only on an answered call, so either proves the answer if answered was lost.
    private static readonly string[] AnswerEvidence = ["answered", "human", "machine"];

    private static readonly HashSet<string> FinalStatuses = new(
        EndsBeforeCompleted.Select(end => end.Status).Append(Completed), StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a status after which Vonage sends nothing more about the call, save perhaps completed.</summary>
    public static bool IsFinalEvent(string status) => FinalStatuses.Contains(status);

    /// <summary>
    /// The outcome of one call attempt from its event statuses and the digits of its input events (the two sequences run
    /// in parallel), or null while the call has not ended. Pressing the opt-out key decides the outcome at once.
    /// </summary>
    public static CallOutcome? Fold(IEnumerable<string> statuses, IEnumerable<string?> digits, string optOutDigit)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentException.ThrowIfNullOrEmpty(optOutDigit);

        if (digits.Any(pressed => string.Equals(pressed, optOutDigit, StringComparison.Ordinal)))
        {
            return CallOutcome.OptedOut;
        }

        var seen = new HashSet<string>(statuses, StringComparer.OrdinalIgnoreCase);
        foreach (var (status, outcome) in EndsBeforeCompleted)
        {
            if (seen.Contains(status))
            {
                return outcome;
            }
        }

        if (!seen.Contains(Completed))
        {
            return null;
        }

        if (!AnswerEvidence.Any(seen.Contains))
        {
            return CallOutcome.NoAnswer;
        }

        return seen.Contains("machine") ? CallOutcome.Voicemail : CallOutcome.Answered;
    }
}

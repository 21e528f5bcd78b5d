namespace MassCampaign.Data.Voice;

/// <summary>
/// A campaign's calls by outcome, counted per call attempt (as the provider saw them), with what they lasted and cost.
/// </summary>
/// <param name="AnswerRate">Calls a person or a machine picked up (answered, voicemail, optedOut) over calls ended; null before one ended.</param>
public sealed record CallTally(
    long Calls,
    long InProgress,
    long Answered,
    long Voicemail,
    long Busy,
    long NoAnswer,
    long Failed,
    long OptedOut,
    double? AnswerRate,
    double? AverageDurationSeconds,
    decimal Cost)
{
    public static CallTally Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, null, null, 0m);
}

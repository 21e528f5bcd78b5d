namespace VoiceBenchmark;

/// <summary>One campaign's figures, from the Simulator's side (Vonage's view) and the wall clock.</summary>
public sealed record VoiceRunResult(
    long Calls,
    double HeldCallsPerSecond,
    long PeakConcurrentCalls,
    long MaxCallsCreatedInAnySecond,
    long Throttled,
    double AnswerP50Ms,
    double AnswerP99Ms,
    double AnswerMaxMs,
    TimeSpan StartToCompleted);

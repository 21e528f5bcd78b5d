using System.Diagnostics.CodeAnalysis;
using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Domain.Voice;

/// <summary>The names a call outcome has in the database, the status and the report.</summary>
public static class CallOutcomeNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<CallOutcome>().Select(ToWire).ToArray();

    public static string ToWire(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Answered => "answered",
        CallOutcome.Voicemail => "voicemail",
        CallOutcome.Busy => "busy",
        CallOutcome.NoAnswer => "noAnswer",
        CallOutcome.Failed => "failed",
        CallOutcome.OptedOut => "optedOut",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown call outcome."),
    };

    /// <summary>Parses a wire name ignoring case; numbers are rejected.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CallOutcome outcome) =>
        WireNames.TryParse(text, ToWire, out outcome);
}

using System.Collections.Frozen;

namespace MassCampaign.Domain.Messaging;

/// <summary>The keyword sets of COMPLIANCE.md §2.1 (Twilio defaults, which track the FCC list).</summary>
public static class InboundKeywords
{
    public static IReadOnlyList<string> OptOut { get; } =
        ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"];

    public static IReadOnlyList<string> OptIn { get; } = ["START", "UNSTOP", "YES"];

    public static IReadOnlyList<string> Help { get; } = ["HELP", "INFO"];

    // Ordinal ignore-case is culture-invariant: under tr-TR a culture-aware upper-casing would turn "quit" into "QUİT".
    private static readonly FrozenDictionary<string, InboundClassification> ByKeyword =
        OptOut.Select(k => new InboundClassification(InboundIntent.OptOut, k))
            .Concat(OptIn.Select(k => new InboundClassification(InboundIntent.OptIn, k)))
            .Concat(Help.Select(k => new InboundClassification(InboundIntent.Help, k)))
            .ToFrozenDictionary(c => c.Keyword!, StringComparer.OrdinalIgnoreCase);

    internal static InboundClassification? Find(string candidate) =>
        ByKeyword.GetValueOrDefault(candidate);
}

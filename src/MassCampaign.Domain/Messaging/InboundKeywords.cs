using System.Collections.Frozen;

namespace MassCampaign.Domain.Messaging;

/// <summary>The keyword sets of COMPLIANCE.md §2.1 (Twilio defaults, which track the FCC list).</summary>
public static class InboundKeywords
{
    public static IReadOnlyList<string> OptOut { get; } =
        ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"];

    public static IReadOnlyList<string> OptIn { get; } = ["START", "UNSTOP", "YES"];

    public static IReadOnlyList<string> Help { get; } = ["HELP", "INFO"];

    /// <summary>
    /// "opt out" is one of the FCC's per-se revocation words (COMPLIANCE.md §2.1–2.2), so written apart or hyphenated
    /// it is OPTOUT. Other multi-word messages stay replies: "stop all" is not STOPALL.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OptOutSpellings { get; } =
        new Dictionary<string, string> { ["OPT OUT"] = "OPTOUT", ["OPT-OUT"] = "OPTOUT" };

    // Ordinal ignore-case is culture-invariant: under tr-TR a culture-aware upper-casing would turn "quit" into "QUİT".
    private static readonly FrozenDictionary<string, InboundClassification> ByKeyword =
        OptOut.Select(k => (Text: k, Meaning: new InboundClassification(InboundIntent.OptOut, k)))
            .Concat(OptOutSpellings.Select(s => (Text: s.Key, Meaning: new InboundClassification(InboundIntent.OptOut, s.Value))))
            .Concat(OptIn.Select(k => (Text: k, Meaning: new InboundClassification(InboundIntent.OptIn, k))))
            .Concat(Help.Select(k => (Text: k, Meaning: new InboundClassification(InboundIntent.Help, k))))
            .ToFrozenDictionary(e => e.Text, e => e.Meaning, StringComparer.OrdinalIgnoreCase);

    internal static InboundClassification? Find(string candidate) =>
        ByKeyword.GetValueOrDefault(candidate);
}

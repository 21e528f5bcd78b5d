namespace MassCampaign.Domain.Messaging;

/// <summary>
/// Classifies an inbound SMS by exact whole-message keyword match, ignoring case, surrounding
/// whitespace, punctuation and emoji: "Stop", " stop. " and "STOP!" opt out, and so does "opt out" (see
/// <see cref="InboundKeywords.OptOutSpellings"/>); "STOP PLEASE" is a reply.
/// </summary>
public static class InboundClassifier
{
    private static readonly InboundClassification Reply = new(InboundIntent.Reply, null);

    public static InboundClassification Classify(string? text) =>
        InboundKeywords.Find(KeywordText.Normalize(text)) ?? Reply;
}

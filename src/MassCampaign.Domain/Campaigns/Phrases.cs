namespace MassCampaign.Domain.Campaigns;

/// <summary>Small English helpers for the sentences returned to API clients.</summary>
internal static class Phrases
{
    /// <summary>"a", "a or b", "a, b or c".</summary>
    internal static string JoinWithOr(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Count <= 1
            ? string.Concat(list)
            : $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}";
    }

    /// <summary>"An sms campaign", "A voice campaign", "A hybrid campaign".</summary>
    internal static string CampaignOfType(CampaignType type) =>
        $"{(type == CampaignType.Sms ? "An" : "A")} {CampaignTypeNames.ToWire(type)} campaign";
}

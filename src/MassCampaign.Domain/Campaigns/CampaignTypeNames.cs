using System.Diagnostics.CodeAnalysis;

namespace MassCampaign.Domain.Campaigns;

/// <summary>The lower-case names a campaign type has in JSON and in the database.</summary>
public static class CampaignTypeNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<CampaignType>().Select(ToWire).ToArray();

    public static string ToWire(CampaignType type) => type switch
    {
        CampaignType.Sms => "sms",
        CampaignType.Voice => "voice",
        CampaignType.Hybrid => "hybrid",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown campaign type."),
    };

    /// <summary>Parses a wire name ignoring case; numbers are rejected.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CampaignType type) =>
        WireNames.TryParse(text, ToWire, out type);
}

using MassCampaign.Domain.Campaigns;

namespace MassCampaign.Workflows.Configuration;

/// <summary>How many campaigns of each type may run at once (host.json <c>massCampaign:concurrency</c>).</summary>
public sealed class ConcurrencyOptions
{
    public const string Section = "massCampaign:concurrency";

    public int Sms { get; set; } = 10;

    public int Voice { get; set; } = 5;

    /// <summary>Every gate there is, in the order the API lists them.</summary>
    public static IReadOnlyList<string> GateKeys { get; } = ["sms", "voice"];

    /// <summary>The gate key a type's campaigns queue at; hybrid campaigns place calls, so they share the voice gate.</summary>
    public static string GateKey(CampaignType type) => type == CampaignType.Sms ? "sms" : "voice";

    public int LimitFor(string gateKey) => gateKey switch
    {
        "sms" => Sms,
        "voice" => Voice,
        _ => throw new ArgumentOutOfRangeException(nameof(gateKey), gateKey, "Gates exist for 'sms' and 'voice' only."),
    };
}

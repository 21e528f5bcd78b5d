using System.Diagnostics.CodeAnalysis;

namespace MassCampaign.Domain.Campaigns;

/// <summary>The names an unknown policy has in settings JSON.</summary>
public static class UnknownPolicyNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<UnknownPolicy>().Select(ToWire).ToArray();

    public static string ToWire(UnknownPolicy policy) => policy switch
    {
        UnknownPolicy.Resend => "resend",
        UnknownPolicy.Leave => "leave",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy for unknown sends."),
    };

    /// <summary>Parses a wire name ignoring case; numbers are rejected.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out UnknownPolicy policy) =>
        WireNames.TryParse(text, ToWire, out policy);
}

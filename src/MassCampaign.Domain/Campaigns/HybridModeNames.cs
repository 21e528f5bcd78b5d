using System.Diagnostics.CodeAnalysis;

namespace MassCampaign.Domain.Campaigns;

/// <summary>The names a hybrid mode has in settings JSON.</summary>
public static class HybridModeNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<HybridMode>().Select(ToWire).ToArray();

    public static string ToWire(HybridMode mode) => mode switch
    {
        HybridMode.SmsFirst => "smsFirst",
        HybridMode.CallFirst => "callFirst",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown hybrid mode."),
    };

    /// <summary>Parses a wire name ignoring case; numbers are rejected.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out HybridMode mode) =>
        WireNames.TryParse(text, ToWire, out mode);
}

using System.Diagnostics.CodeAnalysis;

namespace MassCampaign.Domain.Campaigns;

/// <summary>The names a machine detection choice has in settings JSON.</summary>
public static class MachineDetectionNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<MachineDetection>().Select(ToWire).ToArray();

    public static string ToWire(MachineDetection detection) => detection switch
    {
        MachineDetection.LeaveMessage => "leaveMessage",
        MachineDetection.Hangup => "hangup",
        MachineDetection.Off => "off",
        _ => throw new ArgumentOutOfRangeException(nameof(detection), detection, "Unknown machine detection."),
    };

    /// <summary>Parses a wire name ignoring case; numbers are rejected.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out MachineDetection detection) =>
        WireNames.TryParse(text, ToWire, out detection);
}

namespace MassCampaign.Workflows.Configuration;

/// <summary>The voice account's call-creation rate shared by every host (host.json <c>massCampaign:rateLimits</c>).</summary>
public sealed class VoiceRateLimitOptions
{
    public const string Section = "massCampaign:rateLimits";

    /// <summary>Vonage creates at most 3 calls per second per account (VONAGE.md §6.7); 0 means unlimited.</summary>
    public int VoiceCallsPerSecond { get; set; } = 3;

    public bool IsUnlimited => VoiceCallsPerSecond <= 0;
}

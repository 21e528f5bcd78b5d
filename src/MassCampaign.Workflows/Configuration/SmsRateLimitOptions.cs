namespace MassCampaign.Workflows.Configuration;

/// <summary>The SMS account's request rate shared by every host (host.json <c>massCampaign:rateLimits</c>).</summary>
public sealed class SmsRateLimitOptions
{
    public const string Section = "massCampaign:rateLimits";

    /// <summary>Requests per second for the whole account; 0 means unlimited and bypasses the cluster gate.</summary>
    public int SmsRequestsPerSecond { get; set; } = 30;

    /// <summary>Tokens the account bucket may hold; null means one second's worth.</summary>
    public int? SmsBurst { get; set; }

    public bool IsUnlimited => SmsRequestsPerSecond <= 0;
}

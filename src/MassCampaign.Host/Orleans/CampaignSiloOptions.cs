namespace MassCampaign.Host.Orleans;

/// <summary>
/// The co-hosted silo (configuration section "Orleans", which Orleans itself also reads: ClusterId and ServiceId bind
/// to its ClusterOptions, and a Clustering or Reminders subsection configures those providers).
/// </summary>
public sealed class CampaignSiloOptions
{
    public const string Section = "Orleans";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at, with Redis clustering; empty picks the host's own address.</summary>
    public string? AdvertisedIPAddress { get; set; }

    public string ClusterId { get; set; } = "masscampaign";

    public string ServiceId { get; set; } = "masscampaign";

    /// <summary>
    /// Orleans' own switch: <c>Orleans:Clustering:ProviderType</c> = "Redis" clusters through ConnectionStrings:Redis
    /// (a plain <c>Orleans:Clustering</c> value would be read by Orleans as a provider section); absent means one host.
    /// </summary>
    public Dictionary<string, string?> Clustering { get; set; } = [];

    /// <summary>TLS between silos (<c>Orleans:Tls</c>); off unless <c>Orleans:Tls:Enabled</c> is true.</summary>
    public SiloTlsOptions Tls { get; set; } = new();

    public bool UsesRedis => Clustering.TryGetValue("ProviderType", out var provider)
        && string.Equals(provider, "Redis", StringComparison.OrdinalIgnoreCase);
}

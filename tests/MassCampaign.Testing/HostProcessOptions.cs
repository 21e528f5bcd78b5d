namespace MassCampaign.Testing;

/// <summary>
/// What a <see cref="HostProcess"/> is started with. Ports left null are picked free at start; the started host's
/// <see cref="HostProcess.Options"/> has them filled in, so starting again with those options brings a replacement
/// up on the same address (Simulator receipts keep reaching it).
/// </summary>
public sealed record HostProcessOptions
{
    private readonly string? _redis;

    /// <summary>An already migrated database, e.g. <see cref="PostgresDatabase.ConnectionString"/>.</summary>
    public required string Postgres { get; init; }

    /// <summary>Redis as host:port; <see cref="TestEnvironment.Redis"/> unless given, read only when not given.</summary>
    public string Redis
    {
        get => _redis ?? TestEnvironment.Redis;
        init => _redis = value;
    }

    /// <summary>Where the host sends SMS: a Simulator's <c>BaseAddress</c>.</summary>
    public required Uri VonageBaseUrl { get; init; }

    public required string VonageApiKey { get; init; }

    public required string VonageApiSecret { get; init; }

    public string ApiKey { get; init; } = RunningHost.ApiKey;

    /// <summary>The host build to run; null runs the one <see cref="HostBinary.DllPath"/> locates.</summary>
    public string? HostDll { get; init; }

    /// <summary>CPUs to pin the host to with <c>taskset -c</c>, e.g. "0,1"; null leaves it unpinned.</summary>
    public string? HostCpus { get; init; }

    public int? HttpPort { get; init; }

    public int? SiloPort { get; init; }

    public int? GatewayPort { get; init; }

    /// <summary>Configuration overrides by key, e.g. <c>massCampaign:sendPath:batchSize</c>; passed as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long <see cref="HostProcess.Client"/> waits for one answer; a million-row import needs more.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// For a host that is not meant to send SMS (an import or receipt benchmark): Vonage is a closed loopback port,
    /// so nothing ever leaves the machine.
    /// </summary>
    public static HostProcessOptions WithoutVonage(string postgres) => new()
    {
        Postgres = postgres,
        VonageBaseUrl = new Uri("http://127.0.0.1:9/"),
        VonageApiKey = "unused",
        VonageApiSecret = "unused",
    };

    /// <summary>Joins a Redis-clustered Orleans cluster of its own, so parallel tests never share silos.</summary>
    public HostProcessOptions InCluster(string clusterId) => this with
    {
        Settings = new Dictionary<string, string>(Settings)
        {
            ["Orleans:Clustering:ProviderType"] = "Redis",
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
        },
    };

    /// <summary>Calls go to the same Vonage stand-in as SMS, signed with this application's key.</summary>
    public HostProcessOptions WithVoice(string applicationId, string privateKeyPath) =>
        With("Vonage:VoiceBaseUrl", VonageBaseUrl.AbsoluteUri)
            .With("Vonage:ApplicationId", applicationId)
            .With("Vonage:PrivateKeyPath", privateKeyPath);

    public HostProcessOptions With(string key, string value) => this with
    {
        Settings = new Dictionary<string, string>(Settings) { [key] = value },
    };
}

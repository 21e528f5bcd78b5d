using MassCampaign.Testing;
using MassCampaign.Workflows.Configuration;
using Microsoft.Extensions.Configuration;

namespace SendBenchmark;

/// <summary>The host's effective settings for a run: host.json at the repository root, then the bench's overrides.</summary>
public sealed class HostConfiguration(IReadOnlyDictionary<string, string> overrides)
{
    private readonly IConfiguration _config = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(HostBinary.RepositoryRoot, "host.json"), optional: false)
        .AddInMemoryCollection(overrides.Select(o => KeyValuePair.Create(o.Key, (string?)o.Value)))
        .Build();

    public SendPathOptions SendPath => _config.GetSection(SendPathOptions.Section).Get<SendPathOptions>() ?? new SendPathOptions();

    /// <summary>Provider requests one campaign keeps open at once: the concurrency the bare sender is given too.</summary>
    public int SendConcurrency => SendPath.MaxBatchesInFlight * SendPath.RequestsInFlightPerBatch;

    /// <summary>The account bucket's capacity for a limit: smsBurst when configured, else one second's worth.</summary>
    public int BurstFor(int limit) => _config.GetSection(SmsRateLimitOptions.Section).Get<SmsRateLimitOptions>()?.SmsBurst ?? limit;
}

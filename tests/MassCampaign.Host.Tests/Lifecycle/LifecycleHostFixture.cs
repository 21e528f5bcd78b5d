namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>One <see cref="LifecycleHost"/> for the tests of a class, configured by the derived fixture.</summary>
public abstract class LifecycleHostFixture : IAsyncLifetime
{
    public LifecycleHost Lifecycle { get; private set; } = null!;

    protected abstract IDictionary<string, string?> Settings { get; }

    public async Task InitializeAsync() => Lifecycle = await LifecycleHost.StartAsync(Settings);

    public async Task DisposeAsync() => await Lifecycle.DisposeAsync();
}

/// <summary>Small batches, one in flight, 20 SMS/s: a campaign of a few dozen recipients runs for seconds, long enough to steer.</summary>
public sealed class PacedSendingFixture : LifecycleHostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["massCampaign:sendPath:batchSize"] = "5",
        ["massCampaign:sendPath:maxBatchesInFlight"] = "1",
        ["massCampaign:rateLimits:smsRequestsPerSecond"] = "20",
        ["massCampaign:rateLimits:smsBurst"] = "5",
    };
}

/// <summary>The host's own send-path defaults.</summary>
public sealed class DefaultSendingFixture : LifecycleHostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>();
}

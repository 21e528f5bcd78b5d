using MassCampaign.Workflows.Gates;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>Two hosts clustered through Redis over one database: one gate, one campaign grain, whichever host is asked.</summary>
public sealed class RedisClusterTests
{
    [Fact]
    public async Task Two_hosts_share_gates_and_campaigns_through_redis_clustering()
    {
        var cluster = "test-" + Guid.NewGuid().ToString("N");
        await using var pair = await ClusterPair.StartAsync(new Dictionary<string, string?>
        {
            ["Orleans:Clustering:ProviderType"] = "Redis",
            ["Orleans:ClusterId"] = cluster,
            ["Orleans:ServiceId"] = cluster,
            ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
        });
        Assert.Equal(2, await pair.ActiveSilosAsync());

        await pair.RunCampaignAcrossAsync(recipients: 20);

        var holder = Guid.NewGuid();
        await Gate(pair.First).AcquireAsync(holder);
        Assert.Contains(holder, (await Gate(pair.Second).GetSnapshotAsync()).Holders);
        await Gate(pair.Second).ReleaseAsync(holder);
        Assert.Empty((await Gate(pair.First).GetSnapshotAsync()).Holders);
    }

    private static ICampaignTypeGate Gate(LifecycleHost host) => ClusterPair.Grains(host).GetGrain<ICampaignTypeGate>("sms");
}

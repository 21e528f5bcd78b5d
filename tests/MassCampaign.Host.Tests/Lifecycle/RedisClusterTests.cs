using System.Net;
using MassCampaign.Workflows.Gates;
using Microsoft.Extensions.DependencyInjection;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>Two hosts clustered through Redis over one database: one gate, one campaign grain, whichever host is asked.</summary>
public sealed class RedisClusterTests
{
    [Fact]
    public async Task Two_hosts_share_gates_and_campaigns_through_redis_clustering()
    {
        var cluster = "test-" + Guid.NewGuid().ToString("N");
        var clustered = new Dictionary<string, string?>
        {
            ["Orleans:Clustering:ProviderType"] = "Redis",
            ["Orleans:ClusterId"] = cluster,
            ["Orleans:ServiceId"] = cluster,
            ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
        };
        await using var first = await LifecycleHost.StartAsync(clustered);
        await using var second = await LifecycleHost.StartAsync(new Dictionary<string, string?>(clustered)
        {
            ["ConnectionStrings:Postgres"] = first.Host.Database.ConnectionString,
            ["Vonage:BaseUrl"] = first.Simulator.BaseAddress.AbsoluteUri,
        });
        var silos = await Grains(first).GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, silos.Count);
        var campaign = await first.Seed.SmsCampaignAsync(recipients: 20);

        (await second.CommandAsync(campaign.Id, "start")).Dispose();
        var done = await first.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the campaign finishes");

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(20, first.SentTo(campaign));
        var holder = Guid.NewGuid();
        await Gate(first).AcquireAsync(holder);
        Assert.Contains(holder, (await Gate(second).GetSnapshotAsync()).Holders);
        await Gate(second).ReleaseAsync(holder);
        Assert.Empty((await Gate(first).GetSnapshotAsync()).Holders);
    }

    private static ICampaignTypeGate Gate(LifecycleHost host) => Grains(host).GetGrain<ICampaignTypeGate>("sms");

    private static IGrainFactory Grains(LifecycleHost host) => host.Host.Services.GetRequiredService<IGrainFactory>();
}

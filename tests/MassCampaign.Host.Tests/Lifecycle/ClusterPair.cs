using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>Two hosts clustered through Redis over one database, both sending through the first host's Simulator.</summary>
public sealed class ClusterPair : IAsyncDisposable
{
    private ClusterPair(LifecycleHost first, LifecycleHost second)
    {
        First = first;
        Second = second;
    }

    public LifecycleHost First { get; }

    public LifecycleHost Second { get; }

    /// <param name="clustered">The settings both hosts share: Redis clustering, cluster id, and whatever else.</param>
    public static async Task<ClusterPair> StartAsync(IDictionary<string, string?> clustered)
    {
        var first = await LifecycleHost.StartAsync(clustered);
        var second = await LifecycleHost.StartAsync(new Dictionary<string, string?>(clustered)
        {
            ["ConnectionStrings:Postgres"] = first.Host.Database.ConnectionString,
            ["Vonage:BaseUrl"] = first.Simulator.BaseAddress.AbsoluteUri,
        });
        return new ClusterPair(first, second);
    }

    public static IGrainFactory Grains(LifecycleHost host) => host.Host.Services.GetRequiredService<IGrainFactory>();

    public async Task<int> ActiveSilosAsync() => (await Grains(First).GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;

    /// <summary>
    /// Starts an SMS campaign through the second host and waits for it on the first: its grain lives on one silo and is
    /// reached from the other. Asserts it completed with every recipient texted.
    /// </summary>
    public async Task RunCampaignAcrossAsync(int recipients)
    {
        var campaign = await First.Seed.SmsCampaignAsync(recipients: recipients);

        (await Second.CommandAsync(campaign.Id, "start")).Dispose();
        var done = await First.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the campaign finishes");

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(recipients, First.SentTo(campaign));
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}

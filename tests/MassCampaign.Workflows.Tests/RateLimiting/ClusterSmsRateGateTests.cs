using System.Diagnostics;
using MassCampaign.Testing;
using MassCampaign.Vonage.RateLimiting;
using MassCampaign.Workflows.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace MassCampaign.Workflows.Tests.RateLimiting;

/// <summary>The SMS rate gate of a real host: tokens come from the account's lease grain.</summary>
public sealed class ClusterSmsRateGateTests
{
    [Fact]
    public async Task Requests_through_the_gate_keep_to_the_account_rate()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["massCampaign:rateLimits:smsRequestsPerSecond"] = "20",
            ["massCampaign:rateLimits:smsBurst"] = "10",
            ["Vonage:ApiKey"] = "rate-test",
        });
        var gate = host.Services.GetRequiredService<IRequestRateGate>();
        Assert.IsType<ClusterSmsRateGate>(gate);

        var watch = Stopwatch.StartNew();
        var passed = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            await gate.WaitAsync(CancellationToken.None);
            return watch.Elapsed;
        }));

        // A fresh account owes no burst: 50 at 20 per second; no second holds more than the rate plus the burst.
        Assert.InRange(watch.Elapsed.TotalSeconds, 2.3, 6);
        Assert.InRange(BusiestWindow.Count(passed, TimeSpan.FromSeconds(1)), 10, 30);
    }

    [Fact]
    public async Task The_lease_grain_grants_at_most_its_bucket_and_says_how_long_to_wait()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["massCampaign:rateLimits:smsRequestsPerSecond"] = "10",
            ["massCampaign:rateLimits:smsBurst"] = "4",
        });
        var lease = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ISmsRateLeaseGrain>("lease-test");

        // Begin the schedule, then stay idle longer than the burst takes to build up (3 spacings of 100 ms).
        Assert.Equal(1, (await lease.LeaseAsync(1)).Granted);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var first = await lease.LeaseAsync(100);
        var second = await lease.LeaseAsync(100);

        // The burst of 4 is owed at once (due up to three spacings ago), a fifth token falls within the next 100 ms.
        Assert.Equal(5, first.Granted);
        Assert.InRange(first.FirstDueIn, TimeSpan.FromMilliseconds(-300), TimeSpan.FromMilliseconds(-250));
        Assert.Equal(TimeSpan.FromMilliseconds(100), first.Spacing);
        Assert.Equal(0, second.Granted);
        // The schedule runs 100 ms past the horizon, less however long the second call took to arrive.
        Assert.InRange(second.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task An_unlimited_account_is_never_held_back()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["massCampaign:rateLimits:smsRequestsPerSecond"] = "0",
        });
        var gate = host.Services.GetRequiredService<IRequestRateGate>();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++)
        {
            await gate.WaitAsync(CancellationToken.None);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"10,000 waits took {watch.Elapsed}");
    }
}

using System.Diagnostics;
using MassCampaign.Vonage.RateLimiting;

namespace MassCampaign.Vonage.Tests.RateLimiting;

public sealed class VonageRateLimiterTests
{
    [Fact]
    public async Task Never_admits_more_than_the_rate_plus_the_burst_in_any_window()
    {
        const int rate = 100;
        const int burst = 10;
        await using var limiter = new VonageRateLimiter(rate, burst);
        var clock = Stopwatch.StartNew();

        var admitted = await Task.WhenAll(Enumerable.Range(0, 70).Select(async _ =>
        {
            await limiter.WaitAsync(CancellationToken.None);
            return clock.Elapsed;
        }));

        Array.Sort(admitted);
        var window = TimeSpan.FromMilliseconds(300);
        // One refill (rate / 20) of slack for the timer tick that lands on a window's edge.
        var allowed = rate * window.TotalSeconds + burst + rate / 20;
        for (var i = 0; i < admitted.Length; i++)
        {
            var inWindow = admitted.Skip(i).TakeWhile(t => t - admitted[i] < window).Count();
            Assert.True(inWindow <= allowed, $"{inWindow} admitted within {window} from {admitted[i]}.");
        }

        Assert.True(admitted[^1] >= TimeSpan.FromMilliseconds(500), $"70 tokens at 100/s after a burst of 10 came by {admitted[^1]}.");
    }

    [Fact]
    public async Task Waiters_far_beyond_the_burst_are_queued_not_refused()
    {
        await using var limiter = new VonageRateLimiter(2_000, 20);

        var waits = Enumerable.Range(0, 1_000).Select(_ => limiter.WaitAsync(CancellationToken.None).AsTask()).ToArray();
        await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(waits, w => Assert.True(w.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task Cancelled_waiter_stops_waiting()
    {
        await using var limiter = new VonageRateLimiter(1, 1);
        await limiter.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.WaitAsync(cancel.Token).AsTask());
    }
}

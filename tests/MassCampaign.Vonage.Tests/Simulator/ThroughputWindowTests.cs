using MassCampaign.Simulator.Sms;
using MassCampaign.Vonage.Tests.Support;

namespace MassCampaign.Vonage.Tests.Simulator;

public sealed class ThroughputWindowTests
{
    [Fact]
    public void Admits_exactly_the_limit_per_second_and_says_how_long_to_wait()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var window = new ThroughputWindow(time);
        time.Advance(TimeSpan.FromMilliseconds(250));

        var admitted = Enumerable.Range(0, 5).Count(_ => window.TryEnter(3, out var _));
        var refused = window.TryEnter(3, out var wait);
        time.Advance(TimeSpan.FromMilliseconds(750));
        var nextWindow = window.TryEnter(3, out _);

        Assert.Equal(3, admitted);
        Assert.False(refused);
        Assert.Equal(TimeSpan.FromMilliseconds(750), wait);
        Assert.True(nextWindow);
    }

    [Fact]
    public void Zero_means_unlimited()
    {
        var window = new ThroughputWindow(new ManualTimeProvider(DateTimeOffset.UnixEpoch));

        Assert.All(Enumerable.Range(0, 1_000), i => Assert.True(window.TryEnter(0, out var _)));
    }

    [Fact]
    public async Task Concurrent_callers_never_exceed_the_limit()
    {
        var window = new ThroughputWindow(new ManualTimeProvider(DateTimeOffset.UnixEpoch));
        var admitted = 0;

        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                if (window.TryEnter(5_000, out _))
                {
                    Interlocked.Increment(ref admitted);
                }
            }
        })));

        Assert.Equal(5_000, admitted);
    }
}

using System.Diagnostics;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>Polls a condition that the system reaches asynchronously; fails with a description when it never does.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        // Generous: a passing test never waits this long, and a shared CI machine running every host at once can be slow.
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var watch = Stopwatch.StartNew();
        var last = await read();
        while (!done(last))
        {
            if (watch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting until {what}; last seen: {last}");
            }

            await Task.Delay(50);
            last = await read();
        }

        return last;
    }
}

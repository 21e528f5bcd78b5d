using MassCampaign.Simulator;

namespace MassCampaign.EndToEnd.Tests.Support;

/// <summary>What one or more Simulators have accepted, read the way Vonage's own records would be.</summary>
public static class SimulatorTraffic
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan QuickPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan JustNow = TimeSpan.FromMilliseconds(15);

    public static long Total(IEnumerable<VonageSimulator> simulators) => simulators.Sum(s => s.GetStats().TotalSms);

    /// <summary>Accepted SMS per E.164 number, summed over the Simulators.</summary>
    public static Dictionary<string, long> ByRecipient(IEnumerable<VonageSimulator> simulators)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (phone, count) in simulators.SelectMany(s => s.GetStats().SmsByRecipient))
        {
            counts[phone] = counts.GetValueOrDefault(phone) + count;
        }

        return counts;
    }

    /// <summary>
    /// Where the Simulators' records differ from "each of <paramref name="phones"/> texted exactly once, nobody else":
    /// each number texted another number of times, with that count (0 for never).
    /// </summary>
    public static Dictionary<string, long> NotTextedExactlyOnce(IEnumerable<VonageSimulator> simulators, IReadOnlySet<string> phones)
    {
        var texted = ByRecipient(simulators);
        var wrong = texted.Where(t => t.Value != 1 || !phones.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        foreach (var phone in phones.Where(p => !texted.ContainsKey(p)))
        {
            wrong[phone] = 0;
        }

        return wrong;
    }

    /// <summary>Waits until the Simulators together have accepted at least <paramref name="target"/> SMS.</summary>
    /// <param name="describe">What to report if they never do, e.g. the host's log.</param>
    public static async Task WaitForAsync(IReadOnlyList<VonageSimulator> simulators, long target, TimeSpan timeout, Func<string> describe)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (Total(simulators) < target)
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException(
                    $"The Simulators accepted {Total(simulators)} SMS in {timeout.TotalSeconds:F0} s, not the {target} waited for.\n{describe()}");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>
    /// Waits until one of the Simulators accepted an SMS a moment ago: a batch is being sent right now, so a crash now
    /// cuts it off with recipients still in 'sending'. Between batches there may be none.
    /// </summary>
    public static async Task WaitForSendingNowAsync(IReadOnlyList<VonageSimulator> simulators, TimeSpan timeout, Func<string> describe)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!simulators.Any(s => s.ReceivedMessages() is [.., var last] && TimeProvider.System.GetUtcNow() - last.ReceivedAt < JustNow))
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"No SMS reached the Simulators for {timeout.TotalSeconds:F0} s.\n{describe()}");
            }

            await Task.Delay(QuickPoll);
        }
    }
}

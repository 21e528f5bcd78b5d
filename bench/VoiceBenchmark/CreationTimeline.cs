using MassCampaign.Simulator;

namespace VoiceBenchmark;

/// <summary>
/// Samples the Simulator's created-call count every 100 ms, so the held rate is read over the steady part of the run
/// (from 10% to 90% of the calls), not diluted by the start-up and the last calls' play-out.
/// </summary>
public sealed class CreationTimeline(VonageSimulator simulator)
{
    private readonly List<(TimeSpan At, long Created)> _samples = [];
    private readonly long _started = TimeProvider.System.GetTimestamp();

    public async Task SampleUntilAsync(Task done)
    {
        while (!done.IsCompleted)
        {
            _samples.Add((TimeProvider.System.GetElapsedTime(_started), simulator.GetStats().CallsCreated));
            await Task.WhenAny(done, Task.Delay(100));
        }
    }

    public double HeldRate(long total)
    {
        TimeSpan When(long count) => _samples.First(s => s.Created >= count).At;
        var from = total / 10;
        var to = total * 9 / 10;
        var seconds = (When(to) - When(from)).TotalSeconds;
        return seconds > 0 ? (to - from) / seconds : double.NaN;
    }
}

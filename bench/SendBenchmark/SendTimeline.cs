using MassCampaign.Simulator;

namespace SendBenchmark;

/// <summary>
/// When the first and the last SMS of a run reached the Simulator, read from its recent submissions ten times a
/// second (cheap, unlike a full stats snapshot of a million numbers). Splits a run's time into start-up, sending,
/// and the wait from the last SMS to Completed.
/// </summary>
public sealed class SendTimeline : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly VonageSimulator _simulator;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    private SendTimeline(VonageSimulator simulator)
    {
        _simulator = simulator;
        _watching = Task.Run(WatchAsync);
    }

    public DateTimeOffset? FirstSms { get; private set; }

    public DateTimeOffset? LastSms { get; private set; }

    public static SendTimeline Start(VonageSimulator simulator) => new(simulator);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        Observe();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                Observe();
                await Task.Delay(Poll, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped once the campaign completed.
        }
    }

    private void Observe()
    {
        var recent = _simulator.ReceivedMessages();
        if (recent.Count == 0)
        {
            return;
        }

        FirstSms ??= recent.Min(m => m.ReceivedAt);
        var last = recent.Max(m => m.ReceivedAt);
        LastSms = LastSms is { } seen && seen > last ? seen : last;
    }
}

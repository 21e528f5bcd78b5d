using System.Threading.Channels;

namespace MassCampaign.Simulator.Webhooks;

/// <summary>
/// Posts delivery receipts in the background after their delay, so SMS answers never wait for them.
/// A fixed set of workers drains one unbounded channel; each receipt is signed just before it leaves.
/// </summary>
internal sealed class DeliveryReceiptDispatcher : IAsyncDisposable
{
    private const int MaxAttempts = 4;

    private readonly Channel<PendingReceipt> _queue = Channel.CreateUnbounded<PendingReceipt>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebhookPoster _poster;
    private readonly SimulatorCounters _counters;
    private readonly Func<SimulatorSettings> _settings;
    private readonly TimeProvider _time;
    private readonly Task[] _workers;

    public DeliveryReceiptDispatcher(WebhookPoster poster, SimulatorCounters counters, Func<SimulatorSettings> settings, TimeProvider time, int workers)
    {
        _poster = poster;
        _counters = counters;
        _settings = settings;
        _time = time;
        _workers = Enumerable.Range(0, Math.Max(1, workers)).Select(_ => Task.Run(WorkAsync)).ToArray();
    }

    public void Enqueue(Uri url, Dictionary<string, string> fields, TimeSpan delay)
    {
        if (_queue.Writer.TryWrite(new PendingReceipt(url, fields, _time.GetTimestamp(), delay)))
        {
            _counters.DlrQueued();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_workers);
        _stopping.Dispose();
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var receipt in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                var remaining = receipt.Delay - _time.GetElapsedTime(receipt.QueuedAt);
                if (remaining > TimeSpan.Zero)
                {
                    await Task.Delay(remaining, _time, _stopping.Token);
                }

                var fields = WebhookSigner.Sign(receipt.Fields, _settings(), _time);
                var delivered = await _poster.PostAsync(receipt.Url, fields, MaxAttempts, _stopping.Token);
                if (delivered)
                {
                    _counters.DlrDelivered();
                }
                else
                {
                    _counters.DlrFailed();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: receipts still queued are dropped with the Simulator.
        }
    }

    private sealed record PendingReceipt(Uri Url, Dictionary<string, string> Fields, long QueuedAt, TimeSpan Delay);
}

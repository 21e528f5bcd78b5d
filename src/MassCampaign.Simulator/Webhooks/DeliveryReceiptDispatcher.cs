using System.Threading.Channels;

namespace MassCampaign.Simulator.Webhooks;

/// <summary>
/// Posts delivery receipts in the background after their delay, so SMS answers never wait for them.
/// A fixed set of workers drains one unbounded channel; each receipt is signed just before it leaves. A receipt the
/// host did not take (429, 5xx, no answer, e.g. while it restarts) goes back on the channel after the
/// <see cref="WebhookRetrySchedule"/>'s wait, so a host that is down holds up no worker and loses no receipt.
/// </summary>
internal sealed class DeliveryReceiptDispatcher : IAsyncDisposable
{
    private readonly Channel<PendingReceipt> _queue = Channel.CreateUnbounded<PendingReceipt>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebhookPoster _poster;
    private readonly SimulatorCounters _counters;
    private readonly Func<SimulatorSettings> _settings;
    private readonly TimeProvider _time;
    private readonly WebhookRetrySchedule _retries;
    private readonly Task[] _workers;

    public DeliveryReceiptDispatcher(
        WebhookPoster poster, SimulatorCounters counters, Func<SimulatorSettings> settings, TimeProvider time, int workers, WebhookRetrySchedule retries)
    {
        _poster = poster;
        _counters = counters;
        _settings = settings;
        _time = time;
        _retries = retries;
        _workers = Enumerable.Range(0, Math.Max(1, workers)).Select(_ => Task.Run(WorkAsync)).ToArray();
    }

    public void Enqueue(Uri url, Dictionary<string, string> fields, TimeSpan delay)
    {
        if (_queue.Writer.TryWrite(new PendingReceipt(url, fields, _time.GetTimestamp(), delay, FirstFailureAt: null, Failures: 0)))
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

                await PostAsync(receipt);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: receipts still queued are dropped with the Simulator.
        }
    }

    private async Task PostAsync(PendingReceipt receipt)
    {
        // Signed afresh for every post: each carries its own timestamp and nonce, as Vonage's retries do.
        var fields = WebhookSigner.Sign(receipt.Fields, _settings(), _time);
        var status = await _poster.PostOnceAsync(receipt.Url, fields, _stopping.Token);
        if (status is >= 200 and < 300)
        {
            _counters.DlrDelivered();
            return;
        }

        var failures = receipt.Failures + 1;
        var firstFailureAt = receipt.FirstFailureAt ?? _time.GetTimestamp();
        var wait = WebhookPoster.IsRetryable(status) ? _retries.NextDelay(failures, _time.GetElapsedTime(firstFailureAt)) : null;
        if (wait is null)
        {
            _counters.DlrFailed();
            return;
        }

        _counters.DlrRetried();
        _ = RequeueAfterAsync(receipt with { FirstFailureAt = firstFailureAt, Failures = failures }, wait.Value);
    }

    // Not awaited by the worker: it waits apart, and the receipt rejoins the channel when its wait is over.
    private async Task RequeueAfterAsync(PendingReceipt receipt, TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, _time, _stopping.Token);
            _queue.Writer.TryWrite(receipt with { QueuedAt = _time.GetTimestamp(), Delay = TimeSpan.Zero });
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the receipt is dropped with the Simulator, like those still queued.
        }
    }

    private sealed record PendingReceipt(
        Uri Url, Dictionary<string, string> Fields, long QueuedAt, TimeSpan Delay, long? FirstFailureAt, int Failures);
}

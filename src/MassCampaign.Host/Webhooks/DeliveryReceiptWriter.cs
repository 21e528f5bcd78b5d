using System.Threading.Channels;
using MassCampaign.Data.Receipts;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// Group commit for delivery receipts: each webhook request queues its receipt and waits until the batch holding
/// it has committed, so a 200 is only ever answered for a durable receipt, while PostgreSQL sees one transaction
/// per batch instead of one per receipt. Batches form by themselves: whatever queued during the previous commit.
/// </summary>
public sealed class DeliveryReceiptWriter(DeliveryReceiptStore store, IOptions<ReceiptOptions> options, ILogger<DeliveryReceiptWriter> logger)
    : BackgroundService
{
    private readonly ReceiptOptions _options = options.Value;

    private readonly Channel<PendingReceipt> _queue = Channel.CreateBounded<PendingReceipt>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Completes when the receipt is committed; throws if its batch could not be, or the host is stopping.</summary>
    public async Task StoreAsync(ReceiptRecord receipt, CancellationToken ct)
    {
        var pending = new PendingReceipt(receipt);
        try
        {
            await _queue.Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException)
        {
            throw new ReceiptWriterStoppedException();
        }

        // The request may give up waiting; the receipt is still written with its batch.
        await pending.Committed.Task.WaitAsync(ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stopping closes the queue; the writers drain what is already in it, so no waiting request is abandoned.
        stoppingToken.Register(() => _queue.Writer.TryComplete());
        return Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Writers)).Select(_ => Task.Run(WriteBatchesAsync, CancellationToken.None)));
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<PendingReceipt>(_options.MaxBatchSize);
        var records = new List<ReceiptRecord>(_options.MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                records.Add(pending.Receipt);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await store.StoreAsync(records, CancellationToken.None);
                batch.ForEach(p => p.Committed.TrySetResult());
            }
            catch (Exception e)
            {
                // Each waiting request answers 500 and Vonage retries it: a failed batch loses nothing.
                ReceiptWriterLog.BatchFailed(logger, e, batch.Count);
                batch.ForEach(p => p.Committed.TrySetException(e));
            }

            batch.Clear();
            records.Clear();
        }
    }

    private sealed class PendingReceipt(ReceiptRecord receipt)
    {
        public ReceiptRecord Receipt { get; } = receipt;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

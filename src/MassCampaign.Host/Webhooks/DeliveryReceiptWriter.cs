using System.Threading.Channels;
using MassCampaign.Data.Receipts;
using MassCampaign.Domain.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MassCampaign.Host.Webhooks;

/// <summary>
/// Group commit for delivery receipts: each webhook request queues its receipt and waits until the batch holding
/// it is committed to the inbox, so a 200 is only ever answered for a durable receipt, while PostgreSQL sees one COPY
/// per batch instead of one transaction per receipt. Batches form by themselves: whatever queued during the previous
/// commit. Applying them is left to <see cref="ReceiptApplier"/>, so a webhook waits for an append and nothing else.
/// </summary>
public sealed class DeliveryReceiptWriter(ReceiptInbox inbox, IOptions<ReceiptOptions> options, ILogger<DeliveryReceiptWriter> logger)
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
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch.ToArray());
                batch.Clear();
            }
        }
    }

    /// <summary>
    /// Commits the batch; when the database refuses something in it, each half is committed on its own, so a receipt
    /// it cannot store fails alone (in a few more transactions) instead of failing every receipt that queued with it.
    /// </summary>
    private async Task CommitAsync(ArraySegment<PendingReceipt> batch)
    {
        try
        {
            await inbox.AppendAsync([.. batch.Select(p => p.Receipt)], CancellationToken.None);
            foreach (var pending in batch)
            {
                CampaignMetrics.Add(CampaignMetrics.ReceiptsReceived, 1, "status", pending.Receipt.Status);
                pending.Committed.TrySetResult();
            }
        }
        catch (Exception e) when (batch.Count > 1 && !IsTransient(e))
        {
            var half = batch.Count / 2;
            await CommitAsync(batch[..half]);
            await CommitAsync(batch[half..]);
        }
        catch (Exception e)
        {
            // Each waiting request answers 500 and Vonage retries it: a failed batch loses nothing.
            ReceiptWriterLog.BatchFailed(logger, e, batch.Count);
            foreach (var pending in batch)
            {
                pending.Committed.TrySetException(e);
            }
        }
    }

    // A lost connection or a failover fails every half alike: splitting would only multiply the failures.
    private static bool IsTransient(Exception e) => e is NpgsqlException { IsTransient: true } or TimeoutException;

    private sealed class PendingReceipt(ReceiptRecord receipt)
    {
        public ReceiptRecord Receipt { get; } = receipt;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

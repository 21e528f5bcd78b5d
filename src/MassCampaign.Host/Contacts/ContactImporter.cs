using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using MassCampaign.Data.Contacts;
using MassCampaign.Domain.Telemetry;
using Microsoft.Extensions.Options;

namespace MassCampaign.Host.Contacts;

/// <summary>
/// Streams rows into a campaign as a pipeline, so memory stays bounded whatever the size of the body:
/// the body is read into chunks; each chunk is normalised on the thread pool, a few at a time (libphonenumber is the
/// costly part), and taken back in body order; each valid row is routed by its number to one of a few writers, each
/// with its own connection, which commit a batch at a time. Routing by number keeps the rows of one number in one
/// writer, in body order, so writers never wait on each other's rows.
/// </summary>
public sealed class ContactImporter(ContactImportStore store, ContactChunkNormalizer normalizer, IOptions<ContactImportOptions> options)
{
    // Enough normalised chunks queued to keep the writers busy while the next ones are parsed.
    private static readonly int ChunksInFlight = Math.Max(2, Environment.ProcessorCount);

    // Below this an import cannot mislead the planner much, and ANALYZE (a few hundred ms) would dominate it.
    private const long StatisticsRefreshRows = 10_000;

    /// <param name="campaignZone">The campaign's IANA zone: the recipients' zone when nothing better is known.</param>
    /// <exception cref="ContactImportException">
    /// The body could not be read to its end. The rows before the one that failed were imported all the same;
    /// <see cref="ContactImportException.Partial"/> counts them.
    /// </exception>
    public async Task<ContactImportResult> ImportAsync(
        Guid campaignId, string campaignZone, IAsyncEnumerable<ContactInput> rows, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sessions = new List<ContactImportSession>();
        try
        {
            for (var i = 0; i < settings.Writers; i++)
            {
                sessions.Add(await store.OpenAsync(campaignId, cancellationToken));
            }

            return await RunAsync(sessions, settings, campaignZone, rows, cancellationToken);
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    private async Task<ContactImportResult> RunAsync(
        List<ContactImportSession> sessions, ContactImportOptions settings, string campaignZone,
        IAsyncEnumerable<ContactInput> rows, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tally = new ImportTally(settings.MaxRejectedListed);
        var normalized = Channel.CreateBounded<Task<NormalizedChunk>>(
            new BoundedChannelOptions(ChunksInFlight) { SingleReader = true, SingleWriter = true });
        var batches = sessions
            .Select(_ => Channel.CreateBounded<ContactBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true }))
            .ToArray();

        var reading = ReadAsync(rows, settings.ChunkSize, normalizer.For(campaignZone), normalized.Writer, stop.Token);
        var stages = new List<Task>
        {
            Stage(reading, e => normalized.Writer.TryComplete(e), stop),
            Stage(RouteAsync(normalized.Reader, batches.Select(b => b.Writer).ToArray(), settings.ChunkSize, tally, stop.Token),
                e => Array.ForEach(batches, b => b.Writer.TryComplete(e)), stop),
        };
        stages.AddRange(sessions.Select((session, i) => Stage(WriteAsync(batches[i].Reader, session, tally, stop.Token), _ => { }, stop)));

        try
        {
            await Task.WhenAll(stages);
        }
        catch when (RootCause(stages) is { } cause)
        {
            ExceptionDispatchInfo.Throw(cause);
        }

        var counted = tally.ToResult();
        CampaignMetrics.Add(CampaignMetrics.ContactsImported, counted.Imported);
        CampaignMetrics.Add(CampaignMetrics.ContactsRejected, counted.RejectedCount);

        if (tally.Imported >= StatisticsRefreshRows)
        {
            await sessions[0].RefreshStatisticsAsync(cancellationToken);
        }

        if (tally.Imported > 0)
        {
            await sessions[0].RewindClaimCursorsAsync(cancellationToken);
        }

        if (await reading is { } unreadable)
        {
            throw new ContactImportException(unreadable.Title, unreadable.Message, unreadable.Row) { Partial = tally.ToResult() };
        }

        return tally.ToResult();
    }

    /// <returns>Why the body could not be read to its end, once every row before that point has been passed on.</returns>
    private static async Task<ContactImportException?> ReadAsync(
        IAsyncEnumerable<ContactInput> rows, int chunkSize, Func<ArraySegment<ContactInput>, NormalizedChunk> normalize,
        ChannelWriter<Task<NormalizedChunk>> normalized, CancellationToken cancellationToken)
    {
        var chunk = new ContactInput[chunkSize];
        var count = 0;
        ContactImportException? unreadable = null;
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    break;
                }
            }
            catch (ContactImportException e)
            {
                unreadable = e;
                break;
            }

            chunk[count++] = enumerator.Current;
            if (count == chunkSize)
            {
                await normalized.WriteAsync(InBackground(normalize, new ArraySegment<ContactInput>(chunk)), cancellationToken);
                chunk = new ContactInput[chunkSize];
                count = 0;
            }
        }

        if (count > 0)
        {
            await normalized.WriteAsync(InBackground(normalize, new ArraySegment<ContactInput>(chunk, 0, count)), cancellationToken);
        }

        return unreadable;
    }

    private static Task<NormalizedChunk> InBackground(Func<ArraySegment<ContactInput>, NormalizedChunk> normalize, ArraySegment<ContactInput> chunk) =>
        Task.Run(() => normalize(chunk));

    private static async Task RouteAsync(
        ChannelReader<Task<NormalizedChunk>> normalized, ChannelWriter<ContactBatch>[] writers, int batchSize,
        ImportTally tally, CancellationToken cancellationToken)
    {
        var batches = writers.Select(_ => new ContactBatch(batchSize)).ToArray();
        await foreach (var pending in normalized.ReadAllAsync(cancellationToken))
        {
            var chunk = await pending;
            tally.Reject(chunk.Rejected);
            foreach (var row in chunk.Rows)
            {
                var writer = WriterOf(row.PhoneE164, writers.Length);
                if (!batches[writer].Add(row))
                {
                    tally.Repeated();
                }
                else if (batches[writer].Count == batchSize)
                {
                    await writers[writer].WriteAsync(batches[writer], cancellationToken);
                    batches[writer] = new ContactBatch(batchSize);
                }
            }
        }

        for (var writer = 0; writer < writers.Length; writer++)
        {
            if (batches[writer].Count > 0)
            {
                await writers[writer].WriteAsync(batches[writer], cancellationToken);
            }
        }
    }

    private static async Task WriteAsync(
        ChannelReader<ContactBatch> batches, ContactImportSession session, ImportTally tally, CancellationToken cancellationToken)
    {
        await foreach (var batch in batches.ReadAllAsync(cancellationToken))
        {
            var added = await session.WriteAsync(batch.Rows, cancellationToken);
            tally.Written(batch.Count, added);
        }
    }

    // string.GetHashCode is randomised per process, which is fine: routing only has to be stable within one import.
    private static int WriterOf(string e164, int writers) => (int)((uint)e164.GetHashCode() % (uint)writers);

    /// <summary>Completes what a stage feeds when it ends; a failing stage also stops all the others.</summary>
    private static async Task Stage(Task work, Action<Exception?> complete, CancellationTokenSource stop)
    {
        try
        {
            await work;
            complete(null);
        }
        catch (Exception e)
        {
            complete(e);
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>When one stage fails the others are cancelled; the failure that started it is the one reported.</summary>
    private static Exception? RootCause(IEnumerable<Task> stages) => stages
        .Where(task => task.IsFaulted)
        .Select(task => task.Exception!.InnerException!)
        .FirstOrDefault(e => e is not OperationCanceledException and not ChannelClosedException);
}

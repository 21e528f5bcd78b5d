using System.Net;
using System.Net.Http.Headers;

namespace ImportBenchmark;

/// <summary>A request body generated while it is sent (chunked), so the client never holds the file either.</summary>
public sealed class StreamingCsvContent : HttpContent
{
    private readonly long rows;

    public StreamingCsvContent(long rows)
    {
        this.rows = rows;
        Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        ContactCsvWriter.WriteAsync(stream, rows, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        ContactCsvWriter.WriteAsync(stream, rows, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

namespace MassCampaign.Host.Contacts;

/// <summary>
/// A read-only view of the request body that fails once too many bytes arrive without a row being completed, so a
/// deserializer that buffers a whole value cannot be made to buffer a huge one.
/// </summary>
internal sealed class RowSizeGuardStream(Stream inner, int maxBytesPerRow) : Stream
{
    private long bytesSinceRow;

    public long TotalBytes { get; private set; }

    /// <summary>A row was completed: the budget starts again.</summary>
    public void RowCompleted() => bytesSinceRow = 0;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Count(read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Count(read);
        return read;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => TotalBytes;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Count(int read)
    {
        TotalBytes += read;
        bytesSinceRow += read;
        if (bytesSinceRow > maxBytesPerRow)
        {
            throw new RowTooLargeException();
        }
    }
}

using System.Runtime.CompilerServices;
using CsvHelper;

namespace MassCampaign.Host.Contacts;

/// <summary>
/// Reads a CSV body (RFC 4180, comma-separated, UTF-8, header row first) as contact rows while it arrives:
/// only the read buffer and the current row are held, and a row may not exceed <see cref="ContactImportLimits.MaxRowBytes"/>.
/// </summary>
public static class CsvContactReader
{
    public static async IAsyncEnumerable<ContactInput> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var quotes = new QuoteCheck();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            MaxRecordSize = ContactImportLimits.MaxRowBytes,
            OnMalformedRecord = quotes.Note,
        };

        await using var reader = CsvReader.Create(body, options, leaveOpen: true);
        await ReadHeaderAsync(reader, quotes, cancellationToken);
        var columns = CsvColumns.FromHeader(reader.Headers);
        var attributes = new ContactAttributesWriter();
        while (await ReadAsync(reader, quotes, cancellationToken))
        {
            yield return columns.Read(reader, attributes);
        }
    }

    private static async ValueTask ReadHeaderAsync(CsvReader reader, QuoteCheck quotes, CancellationToken cancellationToken)
    {
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
        }
        catch (CsvFormatException e)
        {
            throw Malformed(e);
        }

        quotes.ThrowIfUnterminated();
    }

    private static async ValueTask<bool> ReadAsync(CsvReader reader, QuoteCheck quotes, CancellationToken cancellationToken)
    {
        bool more;
        try
        {
            more = await reader.ReadAsync(cancellationToken);
        }
        catch (CsvFormatException e)
        {
            throw Malformed(e);
        }

        quotes.ThrowIfUnterminated();
        return more;
    }

    /// <summary>What CsvHelper cannot read (a row over the size limit) fails the request, naming the data row.</summary>
    private static ContactImportException Malformed(CsvFormatException e)
    {
        var row = e.RecordNumber > 1 ? e.RecordNumber - 1 : (long?)null;
        var where = row is { } value ? $"Row {value}: " : "";
        return new ContactImportException("Malformed CSV",
            $"{where}{e.Message} A row may hold at most {ContactImportLimits.MaxRowBytes} bytes; check for a field that is far too long or a quote that is never closed.",
            row);
    }

    /// <summary>
    /// CsvHelper recovers from stray quotes by keeping them as text, which is what a person meant; but an unclosed
    /// quote swallows the rest of the body into one field, so it fails the request.
    /// </summary>
    private sealed class QuoteCheck
    {
        private long? unterminatedRecord;

        public void Note(CsvMalformedRecord record)
        {
            if (record.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                unterminatedRecord = record.RecordNumber;
            }
        }

        public void ThrowIfUnterminated()
        {
            if (unterminatedRecord is { } record)
            {
                var row = record - 1;
                throw new ContactImportException("Malformed CSV",
                    $"Row {row}: a quoted field is never closed; every opening quote needs a closing quote.", row);
            }
        }
    }
}

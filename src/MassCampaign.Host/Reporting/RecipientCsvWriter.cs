using System.Globalization;
using CsvHelper;
using MassCampaign.Data.Reporting;

namespace MassCampaign.Host.Reporting;

/// <summary>
/// Writes recipients as CSV while they are read: only a buffer's worth is ever held, so a campaign of millions
/// streams in constant memory. Column names follow the contact import's snake_case header.
/// </summary>
public static class RecipientCsvWriter
{
    /// <summary>
    /// Names, err-codes and message ids come from contacts and from Vonage: a text cell starting with = + - @, tab or
    /// CR would run as a formula in a spreadsheet, so it is written quoted behind a ' (OWASP CSV injection). E.164
    /// phones start with + and are escaped too; one rule for every text cell leaves no column to get wrong.
    /// </summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    private static readonly string[] Header =
    [
        "phone", "first_name", "last_name", "status", "attempt", "outcome", "error_code", "provider_message_id",
        "segments", "price", "sent_at", "finished_at",
    ];

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<RecipientOutcome> recipients, CancellationToken ct)
    {
        // Only the asynchronous calls write to the body: Kestrel refuses synchronous writes to a response.
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(ct);
        await foreach (var r in recipients.WithCancellation(ct))
        {
            csv.WriteField(r.Phone);
            csv.WriteField(r.FirstName);
            csv.WriteField(r.LastName);
            csv.WriteField(r.Status);
            csv.WriteField(r.Attempt, default);
            csv.WriteField(r.Outcome);
            csv.WriteField(r.ErrorCode);
            csv.WriteField(r.ProviderMessageId);
            csv.WriteField(r.Segments, default);
            csv.WriteField(r.Price, default);
            csv.WriteField(Utc(r.SentAt));
            csv.WriteField(Utc(r.FinishedAt));
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }

    /// <summary>ISO-8601 in UTC with a Z, as the JSON answers write times.</summary>
    private static string? Utc(DateTime? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;

namespace MassCampaign.Vonage.Voice;

/// <summary>Reading the account's calls by time: how a call whose creation went unanswered is found again.</summary>
public sealed partial class VonageVoiceClient
{
    private const int CallListPageSize = 100;

    /// <summary>
    /// Every call Vonage created between <paramref name="from"/> and <paramref name="to"/>, oldest first, read a page
    /// of 100 at a time (<c>GET /v1/calls?date_start&amp;date_end</c>).
    /// </summary>
    /// <exception cref="VonageVoiceException">Vonage answered an error, or could not be reached.</exception>
    public async Task<IReadOnlyList<VoiceCallInfo>> ListCallsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var calls = new List<VoiceCallInfo>();
        var read = 0;
        while (true)
        {
            var query = CallListQuery(from, to, read);
            using var response = await SendReadAsync(HttpMethod.Get, query, null, cancellationToken);
            await EnsureSuccessAsync(response, cancellationToken);
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var (page, records, count) = VoiceCallReader.ReadPage(json.RootElement);
            calls.AddRange(page);
            read += records;
            if (records == 0 || read >= count)
            {
                return calls;
            }
        }
    }

    private static string CallListQuery(DateTimeOffset from, DateTimeOffset to, int recordIndex) => string.Create(CultureInfo.InvariantCulture,
        $"?date_start={Uri.EscapeDataString(Iso(from))}&date_end={Uri.EscapeDataString(Iso(to))}&page_size={CallListPageSize}&record_index={recordIndex}&order=asc");

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.Net;
using System.Text;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>
/// An import into a campaign that is completing either lands before the completion, and its rows are sent, or is
/// refused with 409: a completed campaign never holds a pending recipient.
/// </summary>
public sealed class ImportRaceTests(ImportRaceTests.FastSending fixture) : IClassFixture<ImportRaceTests.FastSending>
{
    private const int ImportRows = 1_000;

    // Valid UK mobile numbers of a range no seeder uses.
    private static long _nextNumber = 447_430_000_000;

    private LifecycleHost Lifecycle => fixture.Lifecycle;

    [Fact]
    public async Task An_import_racing_completion_is_either_sent_in_full_or_refused_and_never_leaves_pending_rows()
    {
        var answers = new List<HttpStatusCode>();
        for (var race = 0; race < 14; race++)
        {
            var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 3);
            var csv = Csv(ImportRows);
            (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
            // From at once to after the three are sent, so the import meets every phase of the completion.
            await Task.Delay(race * 20);
            using var import = await Lifecycle.Client.PostAsync(
                $"/api/campaigns/{campaign.Id}/contacts", new StringContent(csv, Encoding.UTF8, "text/csv"));
            answers.Add(import.StatusCode);

            Assert.True(import.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict,
                $"race {race}: the import answered {(int)import.StatusCode}: {await import.Content.ReadAsStringAsync()}");
            var done = await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, $"race {race}: the campaign finishes");
            var statuses = await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id);

            Assert.Equal("Completed", done.RuntimeStatus);
            Assert.All(statuses.Values, status => Assert.Equal("sent", status));
            Assert.Equal(statuses.Count, Lifecycle.SentTo(statuses.Keys));
            if (import.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(3 + ImportRows, statuses.Count);
            }
        }

        Assert.Contains(HttpStatusCode.OK, answers);
    }

    [Fact]
    public async Task An_import_the_campaign_completes_in_the_middle_of_keeps_the_rows_it_sent_and_refuses_the_rest()
    {
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 3);

        // Chunks commit while the body is still open; the campaign then starts, sends them and completes.
        var body = new PausingContent(Csv(2_000), Rows(100), async () =>
        {
            await Eventually.Until(() => Lifecycle.Seed.RecipientStatusesAsync(campaign.Id), all => all.Count >= 1_003, "ten chunks are in");
            (await Lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
            await Lifecycle.WaitForStatusAsync(campaign.Id, s => s.RuntimeStatus == "Completed", "the campaign completes with the first chunk");
        });
        body.Headers.ContentType = new("text/csv");
        using var import = await Lifecycle.Client.PostAsync($"/api/campaigns/{campaign.Id}/contacts", body);

        Assert.Equal(HttpStatusCode.Conflict, import.StatusCode);
        var statuses = await Lifecycle.Seed.RecipientStatusesAsync(campaign.Id);
        Assert.InRange(statuses.Count, 1_003, 2_003);
        Assert.All(statuses.Values, status => Assert.Equal("sent", status));
        Assert.Equal(statuses.Count, Lifecycle.SentTo(statuses.Keys));
        Assert.Equal("Completed", (await Lifecycle.StatusAsync(campaign.Id)).RuntimeStatus);
    }

    private static string Csv(int rows) => "phone,first_name\n" + Rows(rows);

    private static string Rows(int rows)
    {
        var csv = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            csv.Append('+').Append(Interlocked.Increment(ref _nextNumber)).Append(",Imported\n");
        }

        return csv.ToString();
    }

    /// <summary>A request body sent in two parts, with a wait between them while the request stays open.</summary>
    private sealed class PausingContent(string first, string second, Func<Task> between) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            await between();
            await stream.WriteAsync(Encoding.UTF8.GetBytes(second));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>No rate limit and small import chunks: a campaign of three completes within an import's lifetime.</summary>
    public sealed class FastSending : LifecycleHostFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["massCampaign:rateLimits:smsRequestsPerSecond"] = "0",
            ["massCampaign:contacts:ChunkSize"] = "100",
            ["massCampaign:contactCache:KeyPrefix"] = $"test:{Guid.NewGuid():N}:contact:phone:",
        };
    }
}

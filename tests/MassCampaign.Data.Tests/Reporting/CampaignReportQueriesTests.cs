using MassCampaign.Domain.Recipients;
using MassCampaign.Data.Reporting;
using MassCampaign.Data.Tests.Sending;
using MassCampaign.Testing;

namespace MassCampaign.Data.Tests.Reporting;

public sealed class CampaignReportQueriesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly SendPathSeed _seed = new(database.DataSource);
    private readonly CampaignReportQueries _queries = new(database.DataSource);

    [Fact]
    public async Task Report_sums_outcomes_cost_segments_replies_and_opt_outs()
    {
        var campaign = await _seed.CampaignAsync("Summer");
        var r = await _seed.RecipientsAsync(campaign, 7);
        await SendAsync(r[0].Id, "delivered", segments: 2, price: 0.10m, sentAt: "2025-06-02T10:00:00Z");
        await SendAsync(r[1].Id, "delivered", segments: 1, price: 0.05m, sentAt: "2025-06-02T11:30:00Z");
        await SendAsync(r[2].Id, "sent", segments: 1, price: 0.05m, sentAt: "2025-06-02T10:30:00Z");
        await SendAsync(r[3].Id, "expired", segments: 1, price: 0.05m, sentAt: "2025-06-02T10:45:00Z");
        await _seed.SetStatusAsync(r[4].Id, "skipped_blacklisted");
        await _seed.SetStatusAsync(r[5].Id, "deferred");
        await ReplyAsync(campaign, r[0].Phone, "reply");
        await ReplyAsync(campaign, r[1].Phone, "opt_out");
        await OptOutAsync(campaign, r[1].Phone);
        await OptOutAsync(campaign, r[2].Phone);
        await OptOutAsync(null, r[3].Phone);

        var report = await _queries.GetReportAsync(campaign, default);

        Assert.NotNull(report);
        Assert.Equal((campaign, "Summer", "sms", "running"), (report.CampaignId, report.Name, report.Type, report.Status));
        Assert.Equal(new RecipientTally(Total: 7, Pending: 1, Sending: 0, Deferred: 1, Sent: 1, Delivered: 2, Failed: 1, Skipped: 1, Unknown: 0, Cancelled: 0),
            report.Totals);
        Assert.Equal(0.5, report.DeliveryRate);
        Assert.Equal((2L, 2L, 5L, 0.25m), (report.Replies, report.OptOuts, report.Segments, report.Cost));
        Assert.Equal(new DateTime(2025, 6, 2, 10, 0, 0, DateTimeKind.Utc), report.FirstSentAt);
        Assert.Equal(new DateTime(2025, 6, 2, 11, 30, 0, DateTimeKind.Utc), report.LastSentAt);
        Assert.Equal(DateTimeKind.Utc, report.FirstSentAt!.Value.Kind);
    }

    [Fact]
    public async Task Report_has_no_delivery_rate_while_nothing_was_sent()
    {
        var campaign = await _seed.CampaignAsync();
        await _seed.RecipientsAsync(campaign, 3);

        var report = await _queries.GetReportAsync(campaign, default);

        Assert.Null(report!.DeliveryRate);
        Assert.Equal((3L, 3L, 0m), (report.Totals.Total, report.Totals.Pending, report.Cost));
        Assert.Null(report.FirstSentAt);
    }

    [Fact]
    public async Task Report_of_an_unknown_campaign_is_null()
    {
        Assert.Null(await _queries.GetReportAsync(Guid.NewGuid(), default));
        Assert.Null(await _queries.GetRecipientPageAsync(Guid.NewGuid(), null, 1, 10, default));
    }

    [Fact]
    public async Task Recipient_pages_follow_id_order_and_count_every_match()
    {
        var campaign = await _seed.CampaignAsync();
        var r = await _seed.RecipientsAsync(campaign, 5);

        var page = await _queries.GetRecipientPageAsync(campaign, null, 2, 2, default);

        Assert.Equal((5L, 2, 2), (page!.Total, page.Page, page.PageSize));
        Assert.Equal([r[2].Phone, r[3].Phone], page.Items.Select(i => i.Phone));
        Assert.Equal(("Ada3", "Lovelace3", "pending", 0), (page.Items[0].FirstName, page.Items[0].LastName, page.Items[0].Status, page.Items[0].Attempt));
    }

    [Fact]
    public async Task The_failed_filter_takes_every_final_failure_as_the_report_counts_it()
    {
        var campaign = await _seed.CampaignAsync();
        var r = await _seed.RecipientsAsync(campaign, 5);
        await _seed.SetStatusAsync(r[0].Id, "failed");
        await _seed.SetStatusAsync(r[2].Id, "rejected");
        await _seed.SetStatusAsync(r[3].Id, "expired");
        Assert.True(RecipientStatusFilter.TryParse("failed", out var failed));

        var page = await _queries.GetRecipientPageAsync(campaign, failed, 1, 10, default);

        Assert.Equal([r[0].Phone, r[2].Phone, r[3].Phone], page!.Items.Select(i => i.Phone));
        Assert.Equal(3L, page.Total);
    }

    [Fact]
    public async Task Streaming_reads_every_matching_recipient_in_id_order()
    {
        var campaign = await _seed.CampaignAsync();
        var r = await _seed.RecipientsAsync(campaign, 1_500);
        await _seed.SetStatusAsync(r[10].Id, "sent");
        Assert.True(RecipientStatusFilter.TryParse("pending, sent", out var statuses));

        var phones = new List<string>();
        await foreach (var outcome in _queries.StreamRecipientsAsync(campaign, statuses, default))
        {
            phones.Add(outcome.Phone);
        }

        Assert.Equal(r.Select(x => x.Phone), phones);
    }

    [Theory]
    [InlineData("sent", new[] { "sent" })]
    [InlineData("Skipped", new[] { "skipped_blacklisted", "skipped_invalid" })]
    [InlineData("pending,expired", new[] { "deferred", "expired", "pending" })]
    public void Status_filter_names_expand_to_stored_statuses(string text, string[] expected)
    {
        Assert.True(RecipientStatusFilter.TryParse(text, out var statuses));
        Assert.Equal(expected, statuses);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("sent,bogus")]
    [InlineData(",")]
    public void Unknown_status_filter_names_are_refused(string text) =>
        Assert.False(RecipientStatusFilter.TryParse(text, out _));

    private Task SendAsync(long recipientId, string status, int segments, decimal price, string sentAt) =>
        _seed.ExecuteAsync(
            "UPDATE campaign_recipients SET status = @status, segments = @segments, price = @price, sent_at = @sent::timestamptz WHERE id = @id",
            ("id", recipientId), ("status", status), ("segments", segments), ("price", price), ("sent", sentAt));

    private Task ReplyAsync(Guid campaign, string phone, string classification) =>
        _seed.ExecuteAsync(
            """
            INSERT INTO sms_replies (campaign_id, phone_number, reply_text, classification, received_at, provider_message_id)
            VALUES (@campaign, @phone, 'text', @classification, now(), @id)
            """,
            ("campaign", campaign), ("phone", phone), ("classification", classification), ("id", Guid.NewGuid().ToString()));

    private Task OptOutAsync(Guid? campaign, string phone) =>
        _seed.ExecuteAsync(
            "INSERT INTO consent_events (phone_e164, event_type, source, channel, campaign_id) VALUES (@phone, 'opt_out', 'stop_keyword', 'sms', @campaign)",
            ("phone", phone), ("campaign", (object?)campaign ?? DBNull.Value));
}

using System.Net;
using MassCampaign.Host.Tests.Lifecycle;

namespace MassCampaign.Host.Tests.Telemetry;

/// <summary>
/// /metrics is behind the API key, and after a campaign its counters agree with the campaign's report: what was sent,
/// delivered, failed and skipped, the blacklist's hits, the replies and the opt-outs.
/// </summary>
[Collection(ProcessWideMetricsCollection.Name)]
public sealed class CampaignMetricsTests(MetricsHostFixture fixture) : IClassFixture<MetricsHostFixture>
{
    private static readonly string[] ReceiptFailures = ["failed", "expired", "rejected"];

    private LifecycleHost Lifecycle => fixture.Lifecycle;

    [Fact]
    public async Task Metrics_without_an_api_key_are_refused_with_problem_details()
    {
        using var response = await Lifecycle.Host.AnonymousClient.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("x-functions-key", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Counters_after_a_campaign_match_its_report()
    {
        var before = await PrometheusScrape.ReadAsync(Lifecycle.Client);

        var campaign = await TelemetryCampaign.SendAsync(Lifecycle, recipients: 40, blacklisted: 4);
        var sending = await PrometheusScrape.ReadAsync(Lifecycle.Client);
        await campaign.ReplyAsync(Lifecycle);
        var after = await PrometheusScrape.ReadAsync(Lifecycle.Client);
        var report = await campaign.ReportAsync(Lifecycle);
        double Delta(string name, params (string, string)[] labels) => sending.Sum(name, labels) - before.Sum(name, labels);
        double RepliesDelta(string name, params (string, string)[] labels) => after.Sum(name, labels) - sending.Sum(name, labels);

        var sent = Delta("masscampaign_sms_sent_total");
        var refused = Delta("masscampaign_sms_failed_total");
        var delivered = Delta("masscampaign_receipts_applied_total", ("status", "delivered"));
        var failedByReceipt = ReceiptFailures.Sum(status => Delta("masscampaign_receipts_applied_total", ("status", status)));
        Assert.True(refused > 0 && failedByReceipt > 0 && delivered > 0, $"the campaign had refusals, failed receipts and deliveries: {report}");

        Assert.Equal(report.Total("delivered"), delivered);
        Assert.Equal(report.Total("failed"), refused + failedByReceipt);
        Assert.Equal(report.Total("sent"), sent - delivered - failedByReceipt);
        Assert.Equal(report.Total("skipped"), Delta("masscampaign_recipients_skipped_total", ("reason", "blacklisted")));
        Assert.Equal(4, report.Total("skipped"));
        Assert.Equal(report.Total("skipped"), Delta("masscampaign_blacklist_checks_total", ("result", "hit")));
        Assert.Equal(report.Total("total") - report.Total("skipped"), Delta("masscampaign_blacklist_checks_total", ("result", "miss")));
        Assert.Equal(sent + refused, Delta("masscampaign_window_decisions_total", ("result", "inside")));
        Assert.Equal(0, Delta("masscampaign_window_decisions_total", ("result", "deferred")));

        Assert.Equal(sent, Delta("masscampaign_receipts_received_total"));
        Assert.Equal(report.Replies, RepliesDelta("masscampaign_replies_total", ("association", "matched")));
        Assert.Equal(1, report.Replies);
        Assert.Equal(1, RepliesDelta("masscampaign_replies_total", ("association", "unmatched")));
        Assert.Equal(report.OptOuts, RepliesDelta("masscampaign_optouts_total", ("channel", "sms")));
        Assert.Equal(1, report.OptOuts);

        Assert.Equal(report.Total("total"), Delta("masscampaign_contacts_imported_total"));
        Assert.Equal(1, Delta("masscampaign_contacts_rejected_total"));
        Assert.Equal(1, Delta("masscampaign_campaigns_started_total", ("type", "sms")));
        Assert.Equal(0, Delta("masscampaign_campaigns_start_failures_total"));
        Assert.True(Delta("masscampaign_provider_requests_total", ("channel", "sms")) >= sent + refused, "every SMS request to the Simulator is counted");
        Assert.True(Delta("masscampaign_provider_duration_seconds_count", ("channel", "sms")) >= sent + refused, "every answer is timed");
        Assert.True(Delta("masscampaign_ratelimit_wait_seconds_count", ("channel", "sms")) >= sent + refused, "every rate token's wait is timed");
    }

    [Fact]
    public async Task Gauges_show_each_type_gate_and_the_calls_in_progress()
    {
        var scrape = await Eventually.Until(() => PrometheusScrape.ReadAsync(Lifecycle.Client),
            s => s.Has("masscampaign_campaigns_limit") && s.Has("masscampaign_calls_in_progress"), "the gauges have been read once");

        Assert.Equal(10, scrape.Sum("masscampaign_campaigns_limit", ("type", "sms")));
        Assert.Equal(5, scrape.Sum("masscampaign_campaigns_limit", ("type", "voice")));
        Assert.Equal(0, scrape.Sum("masscampaign_campaigns_queued", ("type", "sms")));
        Assert.True(scrape.Has("masscampaign_campaigns_active"));
        Assert.True(scrape.Has("masscampaign_campaigns_utilisation"));
        Assert.Equal(0, scrape.Sum("masscampaign_calls_in_progress"));
    }

    [Fact]
    public async Task A_start_the_state_machine_refuses_is_counted_as_a_start_failure()
    {
        var before = await PrometheusScrape.ReadAsync(Lifecycle.Client);
        var campaign = await Lifecycle.Seed.SmsCampaignAsync(recipients: 1);
        await Lifecycle.Seed.SetCampaignRowStatusAsync(campaign.Id, "completed");

        using var refused = await Lifecycle.CommandAsync(campaign.Id, "start");
        using var unknown = await Lifecycle.CommandAsync(Guid.NewGuid(), "start");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var after = await PrometheusScrape.ReadAsync(Lifecycle.Client);
        Assert.Equal(1, after.Sum("masscampaign_campaigns_start_failures_total", ("reason", "conflict"))
                        - before.Sum("masscampaign_campaigns_start_failures_total", ("reason", "conflict")));
        Assert.Equal(1, after.Sum("masscampaign_campaigns_start_failures_total", ("reason", "not_found"))
                        - before.Sum("masscampaign_campaigns_start_failures_total", ("reason", "not_found")));
    }
}

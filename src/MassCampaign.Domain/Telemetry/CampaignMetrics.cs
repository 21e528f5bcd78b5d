using System.Diagnostics.Metrics;

namespace MassCampaign.Domain.Telemetry;

/// <summary>
/// The instruments of the "MassCampaign" meter (docs/metrics.md lists each with what it means). Every count is taken
/// where its outcome is decided and after the write that records it has committed, so the counts add up to what the
/// reports read. Rates (SMS/s, receipts/s) are for the scraper to derive from the counters.
/// </summary>
public static class CampaignMetrics
{
    private static readonly Meter Meter = MassCampaignTelemetry.Meter;

    // Seconds, from a millisecond to a throttled wait: the SDK's default buckets are for milliseconds.
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    public static Counter<long> SmsSent { get; } =
        Meter.CreateCounter<long>("masscampaign.sms.sent", description: "SMS Vonage accepted, one per recipient attempt.");

    public static Counter<long> SmsFailed { get; } =
        Meter.CreateCounter<long>("masscampaign.sms.failed", description: "Recipients failed because Vonage refused their SMS, by code.");

    public static Counter<long> SmsRetries { get; } =
        Meter.CreateCounter<long>("masscampaign.sms.retries", description: "SMS given a later attempt after a passing fault, by code.");

    public static Counter<long> SmsUnknown { get; } =
        Meter.CreateCounter<long>("masscampaign.sms.unknown", description: "SMS whose fate is unknown until a receipt comes (timeouts, cut answers).");

    public static Counter<long> SendsReleased { get; } =
        Meter.CreateCounter<long>("masscampaign.sends.released", description: "Claimed recipients put back unsent (pause, window, opt-out, time budget).");

    public static Counter<long> CallsPlaced { get; } =
        Meter.CreateCounter<long>("masscampaign.calls.placed", description: "Calls Vonage created, one per recipient attempt.");

    public static Counter<long> RecipientsSkipped { get; } =
        Meter.CreateCounter<long>("masscampaign.recipients.skipped", description: "Recipients closed without a send, by reason.");

    public static Counter<long> BlacklistChecks { get; } =
        Meter.CreateCounter<long>("masscampaign.blacklist.checks", description: "Claimed recipients checked against the blacklist: hit or miss.");

    public static Counter<long> WindowDecisions { get; } =
        Meter.CreateCounter<long>("masscampaign.window.decisions", description: "Requests checked against the recipient's window right before leaving: inside or deferred.");

    public static Counter<long> ProviderRequests { get; } =
        Meter.CreateCounter<long>("masscampaign.provider.requests", description: "HTTP requests to Vonage, by channel, outcome and code.");

    public static Histogram<double> ProviderDuration { get; } =
        Meter.CreateHistogram("masscampaign.provider.duration", "s", "Time from sending a request to Vonage to reading its answer.", null, SecondsBuckets);

    public static Histogram<double> RateLimitWait { get; } =
        Meter.CreateHistogram("masscampaign.ratelimit.wait", "s", "Time a request waited for its rate token.", null, SecondsBuckets);

    public static Counter<long> ReceiptsReceived { get; } =
        Meter.CreateCounter<long>("masscampaign.receipts.received", description: "Delivery receipts acknowledged to Vonage (durable in the inbox), by status.");

    public static Counter<long> ReceiptsApplied { get; } =
        Meter.CreateCounter<long>("masscampaign.receipts.applied", description: "Recipients whose status a delivery receipt changed, by the new status.");

    public static Counter<long> Replies { get; } =
        Meter.CreateCounter<long>("masscampaign.replies", description: "Inbound SMS stored, by association with a campaign and classification.");

    public static Counter<long> OptOuts { get; } =
        Meter.CreateCounter<long>("masscampaign.optouts", description: "Opt-outs recorded (STOP replies, opt-out digits), by channel.");

    public static Counter<long> CampaignsStarted { get; } =
        Meter.CreateCounter<long>("masscampaign.campaigns.started", description: "Start commands accepted, by campaign type.");

    public static Counter<long> CampaignStartFailures { get; } =
        Meter.CreateCounter<long>("masscampaign.campaigns.start_failures", description: "Starts refused or failed at once, by reason.");

    public static Counter<long> ContactsImported { get; } =
        Meter.CreateCounter<long>("masscampaign.contacts.imported", description: "Contact rows that became recipients.");

    public static Counter<long> ContactsRejected { get; } =
        Meter.CreateCounter<long>("masscampaign.contacts.rejected", description: "Contact rows refused at import (invalid number, bad time zone, …).");

    public static void Add(Counter<long> counter, long count)
    {
        if (count > 0)
        {
            counter.Add(count);
        }
    }

    public static void Add(Counter<long> counter, long count, string tag, string? value)
    {
        if (count > 0)
        {
            counter.Add(count, new KeyValuePair<string, object?>(tag, value ?? "none"));
        }
    }

    public static void Add(Counter<long> counter, long count, string tag1, string? value1, string tag2, string? value2)
    {
        if (count > 0)
        {
            counter.Add(count, new KeyValuePair<string, object?>(tag1, value1 ?? "none"), new KeyValuePair<string, object?>(tag2, value2 ?? "none"));
        }
    }
}

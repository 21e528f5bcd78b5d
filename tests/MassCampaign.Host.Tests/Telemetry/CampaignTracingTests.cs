using MassCampaign.Host.Tests.Lifecycle;

namespace MassCampaign.Host.Tests.Telemetry;

/// <summary>
/// One campaign's traces: the start request's trace goes on into the campaign grain's start; each batch the timer
/// sends is a trace of its own linked to that start, holding the claim and the send; receipts are applied under spans
/// that name the campaign.
/// </summary>
public sealed class CampaignTracingTests : IAsyncLifetime
{
    private readonly RecordedActivities _spans = new();
    private LifecycleHost _lifecycle = null!;

    public async Task InitializeAsync() => _lifecycle = await LifecycleHost.StartAsync(TelemetryCampaign.HostSettings);

    public async Task DisposeAsync()
    {
        await _lifecycle.DisposeAsync();
        _spans.Dispose();
    }

    [Fact]
    public async Task Start_claim_send_and_receipt_spans_of_a_campaign_are_related()
    {
        var campaign = await TelemetryCampaign.SendAsync(_lifecycle, recipients: 20, blacklisted: 2);
        var id = campaign.Id;

        // The start request's span and the grain's start share one trace: the grain call carried its context.
        var start = Assert.Single(_spans.OfCampaign("campaign.start", id));
        Assert.Single(_spans.Ended, a => a.Source.Name == "Microsoft.AspNetCore" && a.TraceId == start.TraceId);

        var batches = _spans.OfCampaign("campaign.batch", id);
        Assert.NotEmpty(batches);
        Assert.All(batches, batch =>
        {
            Assert.NotEqual(start.TraceId, batch.TraceId);
            Assert.Contains(batch.Links, link => link.Context.SpanId == start.SpanId && link.Context.TraceId == start.TraceId);
        });

        var batchTraces = batches.Select(b => b.TraceId).ToHashSet();
        var claims = _spans.OfCampaign("campaign.claim", id);
        var sends = _spans.OfCampaign("sms.send", id);
        Assert.NotEmpty(claims);
        Assert.NotEmpty(sends);
        Assert.All(claims, claim => Assert.Contains(claim.TraceId, batchTraces));
        Assert.All(sends, send => Assert.Contains(send.TraceId, batchTraces));
        Assert.Equal(20, claims.Sum(c => (int)c.GetTagItem("masscampaign.claimed")!) + 2);

        var receipts = _spans.OfCampaign("receipt.apply", id);
        var applierBatches = _spans.Ended.Where(a => a.OperationName == "receipts.apply").Select(a => a.SpanId).ToHashSet();
        Assert.NotEmpty(receipts);
        Assert.All(receipts, receipt => Assert.Contains(receipt.ParentSpanId, applierBatches));
    }
}

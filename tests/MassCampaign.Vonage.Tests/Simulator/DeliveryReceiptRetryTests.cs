using MassCampaign.Simulator;
using MassCampaign.Vonage.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>
/// Receipts the host did not take are posted again on Vonage's schedule (doubling waits, for a retry period), so a
/// host that restarts or answers errors for a while still gets every receipt. Waits are shortened for the tests.
/// </summary>
public sealed class DeliveryReceiptRetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_receipt_refused_more_often_than_a_few_quick_retries_allow_is_posted_until_it_is_taken()
    {
        const int refusals = 8;
        await using var listener = await LoopbackEndpoint.StartAsync((n, response) =>
        {
            response.StatusCode = n < refusals ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        await using var simulator = await SimulatorStart.OnFreePortAsync(o => Retrying(o, listener.Url("dlr")));
        await using var harness = SmsClientHarness.For(simulator);

        var sent = await harness.Client.SendAsync(TestSms.To("447700900210"), CancellationToken.None);
        var posts = await listener.WaitForAsync(refusals + 1, Patience);

        Assert.All(posts, p => Assert.Equal(sent.MessageIds[0], p.Fields["messageId"]));
        await Eventually.Holds(() => simulator.GetStats().DlrsDelivered == 1);
        var stats = simulator.GetStats();
        Assert.Equal((refusals, 0L), (stats.DlrsRetried, stats.DlrsFailed));
    }

    [Fact]
    public async Task A_receipt_for_a_host_that_is_not_running_arrives_once_it_starts()
    {
        var port = FreePort.Find();
        await using var simulator = await SimulatorStart.OnFreePortAsync(o => Retrying(o, new Uri($"http://127.0.0.1:{port}/dlr")));
        await using var harness = SmsClientHarness.For(simulator);

        var sent = await harness.Client.SendAsync(TestSms.To("447700900211"), CancellationToken.None);
        // Connection refused more times than the old fixed four attempts would have allowed.
        await Eventually.Holds(() => simulator.GetStats().DlrsRetried >= 6);
        await using var host = await LoopbackEndpoint.StartAsync(port: port);
        var receipt = Assert.Single(await host.WaitForAsync(1, Patience));

        Assert.Equal(sent.MessageIds[0], receipt.Fields["messageId"]);
        await Eventually.Holds(() => simulator.GetStats().DlrsDelivered == 1);
        Assert.Equal(0, simulator.GetStats().DlrsFailed);
    }

    [Fact]
    public async Task A_receipt_still_refused_when_the_retry_period_ends_is_given_up()
    {
        await using var listener = await LoopbackEndpoint.StartAsync((_, response) =>
        {
            response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });
        await using var simulator = await SimulatorStart.OnFreePortAsync(o =>
        {
            Retrying(o, listener.Url("dlr"));
            o.DlrRetryForMs = 500;
        });
        await using var harness = SmsClientHarness.For(simulator);

        await harness.Client.SendAsync(TestSms.To("447700900212"), CancellationToken.None);
        await Eventually.Holds(() => simulator.GetStats().DlrsFailed == 1);

        var stats = simulator.GetStats();
        Assert.True(stats.DlrsRetried >= 2, $"Only {stats.DlrsRetried} retries within the retry period.");
        // Every retry announced was posted, and none after the receipt was given up.
        Assert.Equal(stats.DlrsRetried + 1, listener.Requests.Count);
        Assert.Equal(0, stats.DlrsDelivered);
    }

    private static void Retrying(SimulatorOptions options, Uri receiptUrl)
    {
        options.DlrUrl = receiptUrl.AbsoluteUri;
        options.DlrRetryFirstDelayMs = 10;
        options.DlrRetryMaxDelayMs = 40;
    }
}

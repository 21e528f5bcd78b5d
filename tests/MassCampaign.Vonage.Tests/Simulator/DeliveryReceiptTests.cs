using MassCampaign.Simulator;
using MassCampaign.Vonage.Sms;
using MassCampaign.Vonage.Tests.Support;
using MassCampaign.Vonage.Webhooks;
using Microsoft.AspNetCore.Http;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>Receipts the Simulator posts to a real listener, as Vonage would to the host.</summary>
public sealed class DeliveryReceiptTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(VonageSignatureMethod.Md5Hash)]
    [InlineData(VonageSignatureMethod.Sha256)]
    public async Task One_signed_receipt_per_part_arrives_at_the_callback_url(VonageSignatureMethod method)
    {
        await using var listener = await LoopbackEndpoint.StartAsync();
        await using var simulator = await SimulatorStart.OnFreePortAsync(o =>
        {
            o.SignatureSecret = "dlr-secret";
            o.SignatureMethod = method;
        });
        await using var harness = SmsClientHarness.For(simulator);
        var callback = listener.Url("api/sms/status?code=dev-key");

        var sent = await harness.Client.SendAsync(TestSms.To("+447700900200", TestSms.ThreePartText, callback), CancellationToken.None);
        var receipts = await listener.WaitForAsync(3, Patience);

        Assert.Equal(SmsSendOutcome.Accepted, sent.Outcome);
        Assert.All(receipts, r => Assert.Equal("/api/sms/status", r.Path));
        var verifier = new VonageSignature("dlr-secret", method, TimeProvider.System, TimeSpan.FromMinutes(5));
        Assert.All(receipts, r => Assert.Equal(SignatureCheck.Valid, verifier.Verify(Without(r.Fields, "code"))));
        var parsed = receipts.Select(r => DeliveryReceiptParser.Parse(r.Fields).Value!).ToList();
        Assert.Equal(sent.MessageIds.Order(), parsed.Select(p => p.MessageId).Order());
        Assert.All(parsed, p =>
        {
            Assert.Equal("447700900200", p.Recipient);
            Assert.Equal(TestSms.Sender, p.Sender);
            Assert.Equal("r-447700900200-1", p.ClientRef);
            Assert.Equal(DeliveryReceiptStatus.Delivered, p.Status);
            Assert.Equal(0, p.ErrorCode);
            Assert.Equal(0.0333m, p.Price);
            Assert.Equal(simulator.ApiKey, p.ApiKey);
            Assert.NotNull(p.Nonce);
            Assert.NotNull(p.MessageTimestamp);
        });
        // The listener records a post before it answers, so the Simulator counts it a moment later.
        await Eventually.Holds(() => simulator.GetStats().DlrsDelivered == 3);
    }

    [Fact]
    public async Task Receipts_go_to_the_configured_url_when_the_request_has_no_callback_and_are_unsigned_without_a_secret()
    {
        await using var listener = await LoopbackEndpoint.StartAsync();
        await using var simulator = await SimulatorStart.OnFreePortAsync(o => o.DlrUrl = listener.Url("dlr").AbsoluteUri);
        await using var harness = SmsClientHarness.For(simulator);

        var sent = await harness.Client.SendAsync(TestSms.To("447700900201"), CancellationToken.None);
        var receipt = Assert.Single(await listener.WaitForAsync(1, Patience));

        Assert.Equal("/dlr", receipt.Path);
        Assert.Equal(sent.MessageIds[0], receipt.Fields["messageId"]);
        Assert.DoesNotContain("sig", receipt.Fields.Keys);
    }

    [Fact]
    public async Task Failing_receipts_report_failed_or_expired_with_an_error_code()
    {
        await using var listener = await LoopbackEndpoint.StartAsync();
        await using var simulator = await SimulatorStart.OnFreePortAsync(o =>
        {
            o.DlrUrl = listener.Url("dlr").AbsoluteUri;
            o.DlrFailureRate = 1;
        });
        await using var harness = SmsClientHarness.For(simulator);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            harness.Client.SendAsync(TestSms.To($"4477009003{i:00}"), CancellationToken.None)));
        var receipts = await listener.WaitForAsync(10, Patience);

        Assert.All(receipts.Select(r => DeliveryReceiptParser.Parse(r.Fields).Value!), p =>
        {
            Assert.Contains(p.Status, new[] { DeliveryReceiptStatus.Failed, DeliveryReceiptStatus.Expired });
            Assert.NotEqual(0, p.ErrorCode);
        });
    }

    [Fact]
    public async Task Receipt_answered_with_500_is_posted_again()
    {
        await using var listener = await LoopbackEndpoint.StartAsync((n, response) =>
        {
            response.StatusCode = n == 0 ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        await using var simulator = await SimulatorStart.OnFreePortAsync(o => o.DlrUrl = listener.Url("dlr").AbsoluteUri);
        await using var harness = SmsClientHarness.For(simulator);

        await harness.Client.SendAsync(TestSms.To("447700900202"), CancellationToken.None);
        var posts = await listener.WaitForAsync(2, Patience);

        Assert.Equal(posts[0].Fields["messageId"], posts[1].Fields["messageId"]);
        await Eventually.Holds(() => simulator.GetStats().DlrsDelivered == 1);
    }

    [Fact]
    public async Task Receipt_is_held_for_the_configured_delay()
    {
        await using var listener = await LoopbackEndpoint.StartAsync();
        await using var simulator = await SimulatorStart.OnFreePortAsync(o =>
        {
            o.DlrUrl = listener.Url("dlr").AbsoluteUri;
            o.DlrDelayMs = 400;
        });
        await using var harness = SmsClientHarness.For(simulator);
        var started = TimeProvider.System.GetTimestamp();

        await harness.Client.SendAsync(TestSms.To("447700900203"), CancellationToken.None);
        await listener.WaitForAsync(1, Patience);

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(400));
    }

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> fields, string key) =>
        fields.Where(f => f.Key != key).ToDictionary();
}

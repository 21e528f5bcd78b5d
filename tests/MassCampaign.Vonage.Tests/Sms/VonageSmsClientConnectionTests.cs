using System.Diagnostics;
using MassCampaign.Vonage.Sms;
using MassCampaign.Vonage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MassCampaign.Vonage.Tests.Sms;

/// <summary>Failures before anything was sent are retried; cancellation before sending sends nothing.</summary>
public sealed class VonageSmsClientConnectionTests
{
    [Fact]
    public async Task Connect_that_never_completes_is_transient_not_ambiguous()
    {
        var connects = 0;
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddVonageSms(o =>
            {
                o.BaseUrl = new Uri("http://127.0.0.1:9/");
                o.RequestTimeout = TimeSpan.FromSeconds(5);
                o.SmsMaxAttempts = 2;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            })
            .AddHttpClient<VonageSmsClient>()
            // A host that never answers the SYN: the connect hangs until the handler's ConnectTimeout.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromMilliseconds(200),
                ConnectCallback = async (_, ct) =>
                {
                    Interlocked.Increment(ref connects);
                    await Task.Delay(Timeout.Infinite, ct);
                    throw new InvalidOperationException("unreachable");
                },
            })
            .Services.BuildServiceProvider();

        var result = await services.GetRequiredService<VonageSmsClient>().SendAsync(TestSms.To("447700900116"), CancellationToken.None);

        Assert.True(result.Outcome == SmsSendOutcome.Transient, result.ErrorText);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, connects);
        Assert.False(result.MayHaveBeenSent);
    }

    [Fact]
    public async Task Connection_refused_every_time_gives_up_as_transient()
    {
        var closedPort = FreePort.Find();
        await using var harness = SmsClientHarness.For(new Uri($"http://127.0.0.1:{closedPort}/"), o => o.SmsMaxAttempts = 3);

        var result = await harness.Client.SendAsync(TestSms.To("447700900112"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Transient, result.Outcome);
        Assert.Equal(3, result.Attempts);
        Assert.False(result.MayHaveBeenSent);
    }

    [Fact]
    public async Task Connection_refused_is_retried_until_the_server_comes_up()
    {
        var port = FreePort.Find();
        await using var harness = SmsClientHarness.For(new Uri($"http://127.0.0.1:{port}/"), o =>
        {
            o.SmsMaxAttempts = 30;
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
        });

        var sending = harness.Client.SendAsync(TestSms.To("447700900113"), CancellationToken.None);
        await harness.Time.FirstWait.WaitAsync(TimeSpan.FromSeconds(10));
        await using var simulator = await SimulatorStart.OnFreePortAsync(o => o.Port = port);
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        Assert.True(result.Attempts >= 2);
        Assert.Equal(1, simulator.GetStats().SmsByRecipient["+447700900113"]);
    }

    [Fact]
    public async Task Cancelled_before_a_rate_token_arrives_throws_and_sends_nothing()
    {
        await using var vonage = await LoopbackEndpoint.StartAsync();
        await using var harness = SmsClientHarness.For(vonage.BaseAddress, o =>
        {
            o.SmsRequestsPerSecond = 1;
            o.SmsBurst = 1;
        });
        await harness.Client.SendAsync(TestSms.To("447700900114"), CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Client.SendAsync(TestSms.To("447700900115"), cancel.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(900));
        Assert.Single(vonage.Requests);
    }
}

using MassCampaign.Simulator;
using MassCampaign.Vonage.Sms;
using MassCampaign.Vonage.Tests.Support;

namespace MassCampaign.Vonage.Tests.Sms;

/// <summary>The client against the Simulator's injected faults: what comes back, and what the Simulator took.</summary>
public sealed class VonageSmsClientFaultTests : IAsyncLifetime
{
    private VonageSimulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SimulatorStart.OnFreePortAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync().AsTask();

    [Fact]
    public async Task At_half_http_500s_every_sms_is_eventually_accepted_exactly_once()
    {
        _simulator.Configure(new() { Http500Rate = 0.5 });
        // 2^-30 per recipient of running out of attempts.
        await using var harness = SmsClientHarness.For(_simulator, o => o.SmsMaxAttempts = 30);
        var recipients = Recipients(447700900700, 40);

        var results = await Task.WhenAll(recipients.Select(to => harness.Client.SendAsync(TestSms.To(to), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(SmsSendOutcome.Accepted, r.Outcome));
        var stats = _simulator.GetStats();
        Assert.Equal(recipients.Length, stats.TotalSms);
        Assert.All(recipients, to => Assert.Equal(1, stats.SmsByRecipient[to]));
        Assert.Equal(results.Sum(r => r.Attempts), stats.TotalRequests);
        Assert.Equal(stats.TotalRequests - recipients.Length, stats.Http500Answered);
        Assert.Equal(stats.TotalRequests, stats.RequestsByRecipient.Values.Sum());
    }

    [Fact]
    public async Task Retries_of_http_500s_stay_within_the_rate_limit()
    {
        // The client's token bucket at 40/s against an account limit of 50/s: only retries that skipped the bucket
        // could make the Simulator throttle.
        _simulator.Configure(new() { Http500Rate = 0.5, ThrottlePerSecond = 50 });
        await using var harness = SmsClientHarness.For(_simulator, o =>
        {
            o.SmsRequestsPerSecond = 40;
            o.SmsMaxAttempts = 30;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(5);
        });
        var recipients = Recipients(447700900800, 60);

        var results = await Task.WhenAll(recipients.Select(to => harness.Client.SendAsync(TestSms.To(to), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(SmsSendOutcome.Accepted, r.Outcome));
        var stats = _simulator.GetStats();
        Assert.Equal(0, stats.Throttled);
        Assert.True(stats.Http500Answered > 0);
        Assert.All(recipients, to => Assert.Equal(1, stats.SmsByRecipient[to]));
    }

    [Fact]
    public async Task Held_answer_comes_back_ambiguous_and_the_simulator_counts_it_accepted()
    {
        _simulator.Configure(new() { HeldAnswerRate = 1 });
        await using var harness = SmsClientHarness.For(_simulator, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var result = await harness.Client.SendAsync(TestSms.To("+447700900900"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Ambiguous, result.Outcome);
        Assert.Equal(1, result.Attempts);
        var stats = _simulator.GetStats();
        Assert.Equal(1, stats.HeldAnswers);
        Assert.Equal(1, stats.SmsByRecipient["+447700900900"]);
        Assert.Equal(1, stats.RequestsByRecipient["+447700900900"]);
    }

    [Fact]
    public async Task Receipt_for_a_held_answer_carries_the_client_ref_that_settles_it()
    {
        await using var listener = await LoopbackEndpoint.StartAsync();
        _simulator.Configure(new() { HeldAnswerRate = 1, DlrUrl = listener.Url("api/sms/status").AbsoluteUri });
        await using var harness = SmsClientHarness.For(_simulator, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var result = await harness.Client.SendAsync(TestSms.To("+447700900901"), CancellationToken.None);
        var receipt = Assert.Single(await listener.WaitForAsync(1, TimeSpan.FromSeconds(10)));

        Assert.Equal(SmsSendOutcome.Ambiguous, result.Outcome);
        Assert.Equal("r-447700900901-1", receipt.Fields["client-ref"]);
    }

    [Theory]
    [InlineData(4, "Invalid Credentials")]
    [InlineData(8, "Partner Account Barred")]
    [InlineData(9, "Partner Quota Violation")]
    [InlineData(15, "Invalid Sender Address")]
    public async Task Account_error_comes_back_account_refused_with_the_reason(int status, string name)
    {
        _simulator.Configure(new() { AccountError = status });
        await using var harness = SmsClientHarness.For(_simulator);

        var result = await harness.Client.SendAsync(TestSms.To("+447700900902"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.AccountRefused, result.Outcome);
        Assert.Equal(status, result.VonageStatus);
        Assert.Equal($"Vonage refused the account: {name} (status {status}): {result.ErrorText}", result.AccountRefusalReason);
        Assert.False(string.IsNullOrEmpty(result.ErrorText));
        Assert.Equal(1, result.Attempts);
        var stats = _simulator.GetStats();
        Assert.Equal(1, stats.AccountErrors);
        Assert.Equal(0, stats.TotalSms);
    }

    [Fact]
    public async Task Sends_are_accepted_again_once_the_account_error_ends()
    {
        _simulator.Configure(new() { AccountError = 9 });
        await using var harness = SmsClientHarness.For(_simulator);
        var refused = await harness.Client.SendAsync(TestSms.To("+447700900903"), CancellationToken.None);

        _simulator.Configure(new() { AccountError = null });
        var accepted = await harness.Client.SendAsync(TestSms.To("+447700900903"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.AccountRefused, refused.Outcome);
        Assert.Equal(SmsSendOutcome.Accepted, accepted.Outcome);
        Assert.Equal(1, _simulator.GetStats().SmsByRecipient["+447700900903"]);
    }

    private static string[] Recipients(long first, int count) =>
        [.. Enumerable.Range(0, count).Select(i => "+" + (first + i).ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

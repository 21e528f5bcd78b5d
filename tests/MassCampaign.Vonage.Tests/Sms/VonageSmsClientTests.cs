using MassCampaign.Simulator;
using MassCampaign.Vonage.Sms;
using MassCampaign.Vonage.Tests.Support;

namespace MassCampaign.Vonage.Tests.Sms;

/// <summary>The client against the in-process Simulator over real loopback HTTP.</summary>
public sealed class VonageSmsClientTests : IAsyncLifetime
{
    private VonageSimulator _simulator = null!;
    private SmsClientHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorStart.OnFreePortAsync();
        _harness = SmsClientHarness.For(_simulator);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Accepted_sms_carries_message_id_price_and_network()
    {
        var result = await _harness.Client.SendAsync(TestSms.To("+447700900001"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        var part = Assert.Single(result.Parts);
        Assert.Matches("^[0-9A-F]{16}$", part.MessageId);
        Assert.Equal(0.0333m, part.Price);
        Assert.Equal("23410", part.Network);
        Assert.Equal("r-447700900001-1", part.ClientRef);
        Assert.Equal(0.0333m, result.TotalPrice);
        Assert.Equal(1, result.MessageCount);
        Assert.Equal(1, result.Attempts);
        Assert.True(result.MayHaveBeenSent);
    }

    [Fact]
    public async Task Three_part_message_reads_every_part_id_and_the_total_price()
    {
        var result = await _harness.Client.SendAsync(TestSms.To("447700900002", TestSms.ThreePartText), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        Assert.Equal(3, result.MessageCount);
        Assert.Equal(3, result.Parts.Count);
        Assert.Equal(3, result.MessageIds.Distinct().Count());
        Assert.Equal(3 * 0.0333m, result.TotalPrice);
        Assert.Equal(3, _simulator.GetStats().TotalParts);
    }

    [Fact]
    public async Task Non_gsm_text_is_sent_as_unicode_and_gsm_text_is_not()
    {
        await _harness.Client.SendAsync(TestSms.To("447700900003", "Привет, ваша запись завтра"), CancellationToken.None);
        await _harness.Client.SendAsync(TestSms.To("447700900004", "Hello {world} €5"), CancellationToken.None);

        var received = _simulator.ReceivedMessages();
        Assert.Equal("unicode", received.Single(m => m.To == "447700900003").Type);
        Assert.Equal("Привет, ваша запись завтра", received.Single(m => m.To == "447700900003").Text);
        Assert.Null(received.Single(m => m.To == "447700900004").Type);
    }

    [Fact]
    public async Task Recipient_is_sent_as_digits_only_and_counted_in_e164()
    {
        var result = await _harness.Client.SendAsync(TestSms.To("+44 7700-900005"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        Assert.Equal("447700900005", Assert.Single(_simulator.ReceivedMessages()).To);
        Assert.Equal(1, _simulator.GetStats().SmsByRecipient["+447700900005"]);
    }

    [Fact]
    public async Task Client_ref_and_callback_url_reach_vonage()
    {
        var callback = new Uri("http://127.0.0.1:9/api/sms/status?code=dev-key");

        await _harness.Client.SendAsync(TestSms.To("447700900006", callback: callback), CancellationToken.None);

        var received = Assert.Single(_simulator.ReceivedMessages());
        Assert.Equal("r-447700900006-1", received.ClientRef);
        Assert.Equal(callback.AbsoluteUri, received.Callback);
        Assert.Equal(TestSms.Sender, received.From);
    }

    [Fact]
    public async Task Bad_credentials_are_an_account_refusal_with_status_4_and_not_retried()
    {
        await using var harness = SmsClientHarness.For(_simulator, o => o.ApiSecret = "wrong");

        var result = await harness.Client.SendAsync(TestSms.To("447700900007"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.AccountRefused, result.Outcome);
        Assert.Equal(SmsStatusCodes.InvalidCredentials, result.VonageStatus);
        Assert.Equal("Bad Credentials", result.ErrorText);
        Assert.Equal("Vonage refused the account: Invalid Credentials (status 4): Bad Credentials", result.AccountRefusalReason);
        Assert.Equal(1, result.Attempts);
        Assert.False(result.MayHaveBeenSent);
    }

    [Fact]
    public async Task Empty_text_is_permanent_with_status_2()
    {
        var result = await _harness.Client.SendAsync(TestSms.To("447700900008", ""), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Permanent, result.Outcome);
        Assert.Equal(SmsStatusCodes.MissingParameters, result.VonageStatus);
        Assert.Equal("Missing text param", result.ErrorText);
    }

    [Fact]
    public async Task Too_short_recipient_is_permanent_with_status_3()
    {
        var result = await _harness.Client.SendAsync(TestSms.To("+12345"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Permanent, result.Outcome);
        Assert.Equal(SmsStatusCodes.InvalidParameters, result.VonageStatus);
    }

    [Fact]
    public async Task Permanent_refusal_is_not_retried()
    {
        _simulator.Configure(new() { PermanentFailureRate = 1 });

        var result = await _harness.Client.SendAsync(TestSms.To("447700900009"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Permanent, result.Outcome);
        Assert.Equal(SmsStatusCodes.InvalidMessage, result.VonageStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, _simulator.GetStats().TotalRequests);
    }

    [Fact]
    public async Task Throttled_sends_wait_for_the_next_window_and_are_then_accepted()
    {
        _simulator.Configure(new() { ThrottlePerSecond = 1 });
        var started = _harness.Time.GetTimestamp();

        // Three at once cannot all fit one-per-second windows, even across a window boundary.
        var results = await Task.WhenAll(
            new[] { "447700900010", "447700900011", "447700900014" }
                .Select(to => _harness.Client.SendAsync(TestSms.To(to), CancellationToken.None)));
        var elapsed = _harness.Time.GetElapsedTime(started);

        Assert.All(results, r => Assert.Equal(SmsSendOutcome.Accepted, r.Outcome));
        Assert.Contains(results, r => r.Attempts >= 2);
        var stats = _simulator.GetStats();
        Assert.Equal(3, stats.TotalSms);
        Assert.True(stats.Throttled >= 1);
        // The waits are the Simulator's "please wait [ N ]": at most one window each, and really waited.
        Assert.NotEmpty(_harness.Time.Waits);
        Assert.All(_harness.Time.Waits, w => Assert.InRange(w, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1)));
        Assert.True(elapsed >= _harness.Time.Waits.Min() - TimerSlack.Tolerance, $"Took {elapsed}, waits were {string.Join(", ", _harness.Time.Waits)}.");
    }

    [Fact]
    public async Task Timeout_after_sending_is_ambiguous_and_never_resent()
    {
        _simulator.Configure(new() { HeldAnswerRate = 1, HeldAnswerMs = 10_000 });
        await using var harness = SmsClientHarness.For(_simulator, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var result = await harness.Client.SendAsync(TestSms.To("447700900012"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Ambiguous, result.Outcome);
        Assert.True(result.MayHaveBeenSent);
        Assert.Equal(1, result.Attempts);
        var stats = _simulator.GetStats();
        Assert.Equal(1, stats.SmsByRecipient["+447700900012"]);
        Assert.Equal(1, stats.TotalRequests);
    }

    [Fact]
    public async Task Http_500_every_time_is_retried_then_transient_and_nothing_is_accepted()
    {
        _simulator.Configure(new() { Http500Rate = 1 });
        await using var harness = SmsClientHarness.For(_simulator, o => o.SmsMaxAttempts = 3);

        var result = await harness.Client.SendAsync(TestSms.To("447700900013"), CancellationToken.None);

        Assert.Equal(SmsSendOutcome.Transient, result.Outcome);
        Assert.Equal(500, result.HttpStatus);
        Assert.Equal(3, result.Attempts);
        var stats = _simulator.GetStats();
        Assert.Equal(3, stats.TotalRequests);
        Assert.Equal(0, stats.TotalSms);
    }
}

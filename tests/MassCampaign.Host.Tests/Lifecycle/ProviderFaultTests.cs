using System.Net;
using MassCampaign.Simulator.Control;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>
/// Passing faults at the provider never cost a recipient its SMS nor give one two: HTTP 500s are retried, and answers
/// that never came in time leave the send 'unknown' until its delivery receipt settles it.
/// </summary>
public sealed class ProviderFaultTests : IAsyncLifetime
{
    private LifecycleHost _lifecycle = null!;

    public async Task InitializeAsync() => _lifecycle = await LifecycleHost.StartAsync(new Dictionary<string, string?>
    {
        ["Vonage:RequestTimeout"] = "00:00:03",
        ["Vonage:SmsMaxAttempts"] = "10",
        ["Vonage:RetryBaseDelay"] = "00:00:00.100",
        ["Vonage:RetryMaxDelay"] = "00:00:00.500",
        ["massCampaign:sendPath:batchSize"] = "50",
        ["massCampaign:rateLimits:smsRequestsPerSecond"] = "200",
    });

    public async Task DisposeAsync() => await _lifecycle.DisposeAsync();

    [Fact]
    public async Task Under_http_500s_and_held_answers_every_recipient_gets_one_sms_and_ends_delivered()
    {
        var campaign = await _lifecycle.Seed.SmsCampaignAsync(recipients: 300);
        // Long enough that receipts, not the policy, settle the unknown sends.
        await _lifecycle.Seed.SetSettingsAsync(campaign.Id, """{"unknownPolicy": "resend", "unknownResolveAfter": "PT60S"}""");
        _lifecycle.Simulator.Configure(new SimulatorSettingsUpdate
        {
            Http500Rate = 0.2,
            HeldAnswerRate = 0.02,
            HeldAnswerMs = 6_000,
            DlrDelayMs = 200,
            DlrUrl = new Uri(_lifecycle.Host.BaseAddress, $"/api/sms/status?code={Testing.RunningHost.ApiKey}").AbsoluteUri,
        });

        (await _lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        var done = await _lifecycle.WaitForStatusAsync(
            campaign.Id, s => s.Code == HttpStatusCode.OK, "the campaign finishes", TimeSpan.FromSeconds(90));
        await Eventually.Until(() => StatusTallyAsync(campaign.Id), tally => tally == "delivered: 300", "every receipt is in");

        Assert.Equal("Completed", done.RuntimeStatus);
        var stats = _lifecycle.Simulator.GetStats();
        Assert.True(stats.Http500Answered > 0, "the Simulator answered some requests with HTTP 500");
        Assert.True(stats.HeldAnswers > 0, "the Simulator held some answers past the client's timeout");
        Assert.All(campaign.Phones, phone => Assert.Equal(1, stats.SmsByRecipient.GetValueOrDefault(phone)));
        // Every held answer times out; on a loaded machine an answer that was not held can be late too.
        Assert.InRange(await TimedOutSendsAsync(campaign.Id), stats.HeldAnswers, 300);
        Assert.Equal(300, await SendsRecordedAsync(campaign.Id));
    }

    /// <summary>Recipients by status, e.g. "delivered: 298, sent: 2".</summary>
    private async Task<string> StatusTallyAsync(Guid campaignId) =>
        string.Join(", ", (await _lifecycle.Seed.RecipientStatusesAsync(campaignId)).Values
            .CountBy(status => status).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}"));

    /// <summary>Sends recorded as unknown because no answer came within the request timeout.</summary>
    private Task<long> TimedOutSendsAsync(Guid campaignId) =>
        CountAsync("SELECT count(*) FROM sms_messages WHERE campaign_id = @id AND error_text LIKE 'No answer within%'", campaignId);

    private Task<long> SendsRecordedAsync(Guid campaignId) =>
        CountAsync("SELECT count(*) FROM sms_messages WHERE campaign_id = @id", campaignId);

    private async Task<long> CountAsync(string sql, Guid campaignId)
    {
        await using var command = _lifecycle.Host.Database.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", campaignId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

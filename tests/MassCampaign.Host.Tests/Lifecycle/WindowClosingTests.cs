using System.Net;
using NodaTime;
using NodaTime.Testing;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>A calling window that closes while the campaign sends stops the sends to that zone at once; they go on at its next opening.</summary>
public sealed class WindowClosingTests : IAsyncLifetime
{
    // Monday 2026-03-02 20:59 UTC: a minute before London's window closes (GMT, no daylight saving yet).
    private static readonly Instant MinuteBeforeClose = Instant.FromUtc(2026, 3, 2, 20, 59);

    private const string EightToNine = """{"days":["Mon","Tue","Wed","Thu","Fri","Sat","Sun"],"start":"08:00","end":"21:00","timeZone":"UTC"}""";

    private readonly FakeClock _clock = new(MinuteBeforeClose);
    private LifecycleHost _lifecycle = null!;

    public async Task InitializeAsync() => _lifecycle = await LifecycleHost.StartAsync(new Dictionary<string, string?>
    {
        ["massCampaign:sendPath:batchSize"] = "5",
        ["massCampaign:sendPath:maxBatchesInFlight"] = "1",
        ["massCampaign:rateLimits:smsRequestsPerSecond"] = "20",
        ["massCampaign:rateLimits:smsBurst"] = "5",
    }, _clock);

    public async Task DisposeAsync() => await _lifecycle.DisposeAsync();

    [Fact]
    public async Task Sends_to_a_zone_stop_when_its_window_closes_and_its_recipients_wait_pending_for_the_next_opening()
    {
        var campaign = await _lifecycle.Seed.CampaignAsync("sms", EightToNine, Enumerable.Repeat("Europe/London", 80).ToArray());
        (await _lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        await Eventually.Until(() => Task.FromResult(_lifecycle.SentTo(campaign)), sent => sent >= 10, "ten SMS went out");

        _clock.Advance(Duration.FromMinutes(1));
        // Requests checked before the close may still be on the wire; nothing is checked after it.
        await Task.Delay(300);
        var atClose = _lifecycle.SentTo(campaign);
        var waiting = await _lifecycle.WaitForStatusAsync(
            campaign.Id, s => s.Phase == "waiting-for-window" && s.Count("sending") == 0, "the campaign waits for tomorrow's window");
        await Task.Delay(1_500);

        Assert.Equal(atClose, _lifecycle.SentTo(campaign));
        Assert.True(atClose < 70, $"the window closed while the campaign was sending ({atClose} sent)");
        Assert.Equal("Running", waiting.RuntimeStatus);
        Assert.Equal("2026-03-03T08:00:00Z", waiting.Custom.GetProperty("nextWindowOpensAt").GetString());
        var statuses = await _lifecycle.Seed.RecipientStatusesAsync(campaign.Id);
        Assert.Equal(atClose, statuses.Values.Count(status => status == "sent"));
        Assert.Equal(80 - atClose, statuses.Values.Count(status => status == "pending"));
        Assert.Equal(80 - atClose, waiting.Count("pending"));

        _clock.Advance(Duration.FromHours(11) - Duration.FromSeconds(1));
        await Task.Delay(500);
        Assert.Equal(atClose, _lifecycle.SentTo(campaign));

        _clock.Advance(Duration.FromSeconds(1));
        var done = await _lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "the rest go at the opening");

        Assert.Equal("Completed", done.RuntimeStatus);
        var counts = _lifecycle.Simulator.GetStats().SmsByRecipient;
        Assert.All(campaign.Phones, phone => Assert.Equal(1, counts.GetValueOrDefault(phone)));
    }
}

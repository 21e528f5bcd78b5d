using System.Net;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;

namespace MassCampaign.Host.Tests.Lifecycle;

/// <summary>Recipients outside their own window wait, the status says until when, and they go once the clock gets there.</summary>
public sealed class CallingWindowTests : IAsyncLifetime
{
    // Monday 2026-03-02 12:00 UTC: noon in London, 07:00 in New York.
    private static readonly Instant Noon = Instant.FromUtc(2026, 3, 2, 12, 0);

    private const string EightToNine = """{"days":["Mon","Tue","Wed","Thu","Fri","Sat","Sun"],"start":"08:00","end":"21:00","timeZone":"UTC"}""";

    private readonly FakeClock _clock = new(Noon);
    private LifecycleHost _lifecycle = null!;

    public async Task InitializeAsync() => _lifecycle = await LifecycleHost.StartAsync(new Dictionary<string, string?>(), _clock);

    public async Task DisposeAsync() => await _lifecycle.DisposeAsync();

    [Fact]
    public async Task Recipients_outside_their_window_wait_for_it_and_go_when_the_clock_gets_there()
    {
        string[] zones = ["Europe/London", "America/New_York", "Europe/London", "America/New_York", "America/New_York"];
        var campaign = await _lifecycle.Seed.CampaignAsync("sms", EightToNine, zones);
        var london = campaign.Phones.Where((_, i) => zones[i] == "Europe/London").ToArray();
        var newYork = campaign.Phones.Where((_, i) => zones[i] == "America/New_York").ToArray();

        (await _lifecycle.CommandAsync(campaign.Id, "start")).Dispose();
        var waiting = await _lifecycle.WaitForStatusAsync(
            campaign.Id, s => s.Phase == "waiting-for-window", "the campaign waits for New York's window");

        Assert.Equal("Running", waiting.RuntimeStatus);
        // 08:00 EST is 13:00 UTC.
        Assert.Equal("2026-03-02T13:00:00Z", waiting.Custom.GetProperty("nextWindowOpensAt").GetString());
        Assert.Equal(2, waiting.Count("sent"));
        Assert.Equal(3, waiting.Count("pending"));
        Assert.Equal(2, _lifecycle.SentTo(london));
        Assert.Equal(0, _lifecycle.SentTo(newYork));

        _clock.Advance(Duration.FromMinutes(59));
        await Task.Delay(500);
        Assert.Equal(0, _lifecycle.SentTo(newYork));

        _clock.Advance(Duration.FromMinutes(1));
        var done = await _lifecycle.WaitForStatusAsync(campaign.Id, s => s.Code == HttpStatusCode.OK, "New York's recipients go");

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(3, _lifecycle.SentTo(newYork));
        Assert.Equal(JsonValueKind.Null, done.Custom.GetProperty("nextWindowOpensAt").ValueKind);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Simulator;
using MassCampaign.Vonage.Tests.Support;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>The <c>/_sim</c> control API and the raw SMS API contract, over HTTP.</summary>
public sealed class ControlApiTests : IAsyncLifetime
{
    private VonageSimulator _simulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorStart.OnFreePortAsync();
        _http = new HttpClient { BaseAddress = _simulator.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Stats_count_accepted_submissions_per_recipient_in_e164()
    {
        await PostSmsAsync(Form("447700900400", "Hello"));
        await PostSmsAsync(Form("447700900400", TestSms.ThreePartText));
        await PostSmsAsync(Form("447700900401", "Hello", secret: "wrong"));

        using var stats = JsonDocument.Parse(await _http.GetStringAsync("_sim/stats"));

        var root = stats.RootElement;
        Assert.Equal(2, root.GetProperty("totalSms").GetInt64());
        Assert.Equal(2, root.GetProperty("smsByRecipient").GetProperty("+447700900400").GetInt64());
        Assert.False(root.GetProperty("smsByRecipient").TryGetProperty("+447700900401", out _));
        Assert.Equal(0, root.GetProperty("totalCalls").GetInt64());
        Assert.Empty(root.GetProperty("callsByRecipient").EnumerateObject());
        Assert.Equal(3, root.GetProperty("totalRequests").GetInt64());
        Assert.Equal(4, root.GetProperty("totalParts").GetInt64());
        Assert.Equal(1, root.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task Config_update_changes_only_the_knobs_given()
    {
        using var response = await _http.PostAsJsonAsync("_sim/config", new { throttlePerSecond = 7, signatureMethod = "sha1" });
        using var config = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, config.RootElement.GetProperty("throttlePerSecond").GetInt32());
        Assert.Equal("sha1", config.RootElement.GetProperty("signatureMethod").GetString());
        Assert.Equal(0, config.RootElement.GetProperty("http500Rate").GetDouble());
        Assert.Equal(7, _simulator.Settings.ThrottlePerSecond);
    }

    [Fact]
    public async Task Config_with_a_rate_above_one_is_refused()
    {
        using var response = await _http.PostAsJsonAsync("_sim/config", new { failureRate = 1.5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _simulator.Settings.Http500Rate);
    }

    [Fact]
    public async Task Reset_clears_the_counters_but_keeps_the_config()
    {
        _simulator.Configure(new() { LatencyMs = 1 });
        await PostSmsAsync(Form("447700900402", "Hello"));

        using var response = await _http.PostAsync("_sim/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stats = _simulator.GetStats();
        Assert.Equal(0, stats.TotalSms);
        Assert.Empty(stats.SmsByRecipient);
        Assert.Empty(_simulator.ReceivedMessages());
        Assert.Equal(1, _simulator.Settings.LatencyMs);
    }

    [Fact]
    public async Task Json_body_with_credentials_in_fields_is_accepted()
    {
        using var response = await _http.PostAsJsonAsync("sms/json", new
        {
            api_key = _simulator.ApiKey, api_secret = _simulator.ApiSecret, from = "Acme", to = 447700900403L, text = "Hi",
        });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var message = body.RootElement.GetProperty("messages")[0];
        Assert.Equal("0", message.GetProperty("status").GetString());
        Assert.Equal("447700900403", message.GetProperty("to").GetString());
        Assert.Equal("0.03330000", message.GetProperty("message-price").GetString());
    }

    [Theory]
    [InlineData("", "Hi", "2")]
    [InlineData("4477009", "", "2")]
    [InlineData("44-7700", "Hi", "3")]
    [InlineData("1234567890123456", "Hi", "3")]
    public async Task Missing_or_malformed_fields_get_vonage_status_codes(string to, string text, string status)
    {
        using var body = JsonDocument.Parse(await PostSmsAsync(Form(to, text)));

        Assert.Equal("1", body.RootElement.GetProperty("message-count").GetString());
        Assert.Equal(status, body.RootElement.GetProperty("messages")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Requests_above_the_throughput_limit_get_status_1_with_a_wait()
    {
        _simulator.Configure(new() { ThrottlePerSecond = 5 });

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PostSmsAsync(Form($"4477009005{i:00}", "Hi"))));

        var statuses = answers.Select(a => JsonDocument.Parse(a).RootElement.GetProperty("messages")[0]).ToList();
        var throttled = statuses.Where(s => s.GetProperty("status").GetString() == "1").ToList();
        // Twenty at once fill one window, or two when they straddle a second boundary.
        Assert.InRange(statuses.Count - throttled.Count, 5, 10);
        Assert.All(throttled, s => Assert.Matches(@"^Throughput Rate Exceeded - please wait \[ \d+ \] and retry$", s.GetProperty("error-text").GetString()));
        Assert.Equal(throttled.Count, _simulator.GetStats().Throttled);
    }

    private async Task<string> PostSmsAsync(FormUrlEncodedContent form)
    {
        using var response = await _http.PostAsync("sms/json", form);
        return await response.Content.ReadAsStringAsync();
    }

    private FormUrlEncodedContent Form(string to, string text, string? secret = null) => new(new Dictionary<string, string>
    {
        ["api_key"] = _simulator.ApiKey,
        ["api_secret"] = secret ?? _simulator.ApiSecret,
        ["from"] = "Acme",
        ["to"] = to,
        ["text"] = text,
    });
}

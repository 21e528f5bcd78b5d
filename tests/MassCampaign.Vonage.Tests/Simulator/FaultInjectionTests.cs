using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassCampaign.Simulator;
using MassCampaign.Vonage.Tests.Support;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>The faults <c>POST /_sim/config</c> injects, as they look on the wire and in <c>GET /_sim/stats</c>.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
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
    public async Task Fault_knobs_are_set_and_read_back_by_their_json_names()
    {
        await ConfigureAsync(new { http500Rate = 0.5, heldAnswerRate = 0.25, heldAnswerMs = 1234, accountError = 9 });

        using var config = JsonDocument.Parse(await _http.GetStringAsync("_sim/config"));

        var root = config.RootElement;
        Assert.Equal(0.5, root.GetProperty("http500Rate").GetDouble());
        Assert.Equal(0.25, root.GetProperty("heldAnswerRate").GetDouble());
        Assert.Equal(1234, root.GetProperty("heldAnswerMs").GetInt32());
        Assert.Equal(9, root.GetProperty("accountError").GetInt32());
    }

    [Fact]
    public async Task Held_answers_wait_thirty_seconds_unless_told_otherwise()
    {
        using var config = JsonDocument.Parse(await _http.GetStringAsync("_sim/config"));

        Assert.Equal(30_000, config.RootElement.GetProperty("heldAnswerMs").GetInt32());
        Assert.Equal(JsonValueKind.Null, config.RootElement.GetProperty("accountError").ValueKind);
    }

    [Fact]
    public async Task Older_knob_names_still_set_the_same_faults()
    {
        await ConfigureAsync(new { failureRate = 0.1, timeoutRate = 0.2, timeoutHoldMs = 500 });

        Assert.Equal(0.1, _simulator.Settings.Http500Rate);
        Assert.Equal(0.2, _simulator.Settings.HeldAnswerRate);
        Assert.Equal(500, _simulator.Settings.HeldAnswerMs);
    }

    [Fact]
    public async Task Account_error_stays_until_set_to_null()
    {
        await ConfigureAsync(new { accountError = 15 });
        await ConfigureAsync(new { throttlePerSecond = 3 });
        Assert.Equal(15, _simulator.Settings.AccountError);

        await ConfigureAsync(new { accountError = (int?)null });

        Assert.Null(_simulator.Settings.AccountError);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public async Task Account_error_that_is_not_an_error_code_is_refused(int status)
    {
        using var response = await _http.PostAsJsonAsync("_sim/config", new { accountError = status });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(_simulator.Settings.AccountError);
    }

    [Fact]
    public async Task Http_500_takes_nothing_and_is_counted_apart_from_accepted_sms()
    {
        await ConfigureAsync(new { http500Rate = 1.0 });

        using var response = await _http.PostAsync("sms/json", Form("447700900410"));
        using var stats = JsonDocument.Parse(await _http.GetStringAsync("_sim/stats"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var root = stats.RootElement;
        Assert.Equal(0, root.GetProperty("totalSms").GetInt64());
        Assert.False(root.GetProperty("smsByRecipient").TryGetProperty("+447700900410", out _));
        Assert.Equal(1, root.GetProperty("requestsByRecipient").GetProperty("+447700900410").GetInt64());
        Assert.Equal(1, root.GetProperty("http500Answered").GetInt64());
        Assert.Equal(0, root.GetProperty("dlrsQueued").GetInt64());
        Assert.Empty(_simulator.ReceivedMessages());
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(15)]
    public async Task Account_error_is_answered_in_the_messages_array_for_every_send_and_takes_nothing(int status)
    {
        _simulator.Configure(new() { AccountError = status });

        var answers = new List<JsonElement>();
        foreach (var to in new[] { "447700900411", "447700900412" })
        {
            using var response = await _http.PostAsync("sms/json", Form(to));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("messages")[0]);
        }

        Assert.All(answers, m =>
        {
            Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), m.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(m.GetProperty("error-text").GetString()));
        });
        var stats = _simulator.GetStats();
        Assert.Equal(2, stats.AccountErrors);
        Assert.Equal(0, stats.TotalSms);
        Assert.Equal(2, stats.RequestsByRecipient.Values.Sum());
    }

    [Fact]
    public async Task Held_answer_is_accepted_and_its_receipt_with_client_ref_is_sent_while_the_answer_waits()
    {
        await using var listener = await LoopbackEndpoint.StartAsync();
        _simulator.Configure(new() { HeldAnswerRate = 1, DlrUrl = listener.Url("dlr").AbsoluteUri });
        using var impatient = new HttpClient { BaseAddress = _simulator.BaseAddress, Timeout = TimeSpan.FromMilliseconds(500) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.PostAsync("sms/json", Form("447700900413", "r-413-1")));
        var receipt = Assert.Single(await listener.WaitForAsync(1, TimeSpan.FromSeconds(10)));

        Assert.Equal("r-413-1", receipt.Fields["client-ref"]);
        var stats = _simulator.GetStats();
        Assert.Equal(1, stats.HeldAnswers);
        Assert.Equal(1, stats.TotalSms);
        Assert.Equal(1, stats.SmsByRecipient["+447700900413"]);
    }

    private async Task ConfigureAsync(object knobs)
    {
        using var response = await _http.PostAsJsonAsync("_sim/config", knobs);
        response.EnsureSuccessStatusCode();
    }

    private FormUrlEncodedContent Form(string to, string clientRef = "r-1") => new(new Dictionary<string, string>
    {
        ["api_key"] = _simulator.ApiKey,
        ["api_secret"] = _simulator.ApiSecret,
        ["from"] = "Acme",
        ["to"] = to,
        ["text"] = "Hi",
        ["client-ref"] = clientRef,
    });
}

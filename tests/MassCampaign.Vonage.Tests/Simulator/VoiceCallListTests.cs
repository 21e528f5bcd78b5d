using MassCampaign.Simulator;
using MassCampaign.Simulator.Control;
using MassCampaign.Vonage.Tests.Support;
using MassCampaign.Vonage.Voice;

namespace MassCampaign.Vonage.Tests.Simulator;

/// <summary>
/// <c>GET /v1/calls</c> read by the client from the Simulator: every page, the time filter, and a call whose creation
/// answer was lost (<c>lostByNumber: answer</c>) found there although the client only knows it may exist.
/// </summary>
public sealed class VoiceCallListTests : IAsyncLifetime
{
    private readonly TestApplicationKey _key = new();
    private VonageSimulator _simulator = null!;
    private VoiceClientHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorStart.OnFreePortAsync(o =>
        {
            o.VoiceApplicationId = _key.ApplicationId;
            o.VoicePrivateKeyPath = _key.PrivateKeyPath;
        });
        _simulator.Configure(new SimulatorSettingsUpdate { Voice = new VoiceSettingsUpdate { CallsPerSecond = 1000, Busy = 1, Human = 0, Machine = 0, NoAnswer = 0 } });
        _harness = VoiceClientHarness.For(_simulator.BaseAddress, _key);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _simulator.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task Every_call_of_the_window_is_listed_across_pages_with_its_number()
    {
        var numbers = Enumerable.Range(0, 230).Select(i => $"+4477009{i:D5}").ToList();
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        foreach (var number in numbers)
        {
            var created = await _harness.Client.CreateCallAsync(VoiceClientHarness.Call(number), null, CancellationToken.None);
            Assert.Equal(CallCreateOutcome.Created, created.Outcome);
        }

        var after = TimeProvider.System.GetUtcNow().AddSeconds(1);
        var listed = await _harness.Client.ListCallsAsync(before, after, CancellationToken.None);
        var earlier = await _harness.Client.ListCallsAsync(before.AddHours(-2), before.AddHours(-1), CancellationToken.None);

        Assert.Equal(numbers.Select(n => n.TrimStart('+')).Order(), listed.Select(c => c.To).Order());
        Assert.Equal(listed.Count, listed.Select(c => c.Uuid).Distinct().Count());
        Assert.Empty(earlier);
    }

    [Fact]
    public async Task A_call_whose_creation_answer_was_lost_comes_back_ambiguous_and_is_listed()
    {
        const string number = "+447700912345";
        _simulator.Configure(new SimulatorSettingsUpdate
        {
            Voice = new VoiceSettingsUpdate { LostByNumber = new Dictionary<string, string> { [number] = "answer" } },
        });
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-1);

        var created = await _harness.Client.CreateCallAsync(VoiceClientHarness.Call(number), null, CancellationToken.None);
        var listed = await _harness.Client.ListCallsAsync(before, TimeProvider.System.GetUtcNow().AddSeconds(1), CancellationToken.None);

        Assert.Equal(CallCreateOutcome.Ambiguous, created.Outcome);
        Assert.Null(created.CallUuid);
        var call = Assert.Single(listed);
        Assert.Equal(number.TrimStart('+'), call.To);
        Assert.Equal(1, _simulator.GetStats().CallsCreated);
    }
}

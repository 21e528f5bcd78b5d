using System.Collections.Concurrent;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// The calls the Simulator created, by uuid, each playing out in the background so <c>POST /v1/calls</c> never waits
/// for it. A call counts as in progress until its play-out has posted its final event.
/// </summary>
internal sealed class VoiceCalls(VoiceCounters counters) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SimulatedCall> _calls = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <param name="playOut">The call's script, given the token that says the Simulator is shutting down.</param>
    public void Start(SimulatedCall call, Func<SimulatedCall, CancellationToken, Task> playOut)
    {
        _calls[call.Uuid] = call;
        call.Playout = Task.Run(async () =>
        {
            try
            {
                await playOut(call, _stopping.Token);
            }
            finally
            {
                if (call.MarkOver())
                {
                    counters.CallOver();
                }
            }
        });
    }

    public SimulatedCall? Find(string uuid) => _calls.GetValueOrDefault(uuid);

    public IEnumerable<SimulatedCall> All => _calls.Values;

    /// <summary>Forgets every call; those still playing out stop without posting anything more.</summary>
    public void Reset()
    {
        foreach (var call in _calls.Values)
        {
            if (call.MarkOver())
            {
                call.Discard();
            }
        }

        _calls.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_calls.Values.Select(c => c.Playout)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }
}

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// One created call: what was asked, the outcome drawn for it, and where its play-out has got to. The play-out writes
/// the times and status; <c>GET /v1/calls/{uuid}</c> reads them; a hang-up cancels <see cref="HangUpToken"/>.
/// </summary>
internal sealed class SimulatedCall(CallRequest request, CallOutcome outcome)
{
    private readonly CancellationTokenSource _hangUp = new();

    // UTC ticks, 0 for not yet: written by the play-out, read by GET /v1/calls/{uuid}, so kept to one atomic word each.
    private long _answeredAtTicks;
    private long _endedAtTicks;
    private int _over;
    private volatile bool _discarded;
    private volatile string _status = "started";

    public string Uuid { get; } = Guid.NewGuid().ToString();

    public string ConversationUuid { get; } = "CON-" + Guid.NewGuid();

    public CallRequest Request { get; } = request;

    /// <summary>When <c>POST /v1/calls</c> created it: what <c>GET /v1/calls?date_start&amp;date_end</c> filters on.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public CallOutcome Outcome { get; } = outcome;

    /// <summary>The status of the latest event posted (or being posted).</summary>
    public string Status
    {
        get => _status;
        set => _status = value;
    }

    public DateTimeOffset? AnsweredAt
    {
        get => Read(ref _answeredAtTicks);
        set => Volatile.Write(ref _answeredAtTicks, value?.UtcTicks ?? 0);
    }

    public DateTimeOffset? EndedAt
    {
        get => Read(ref _endedAtTicks);
        set => Volatile.Write(ref _endedAtTicks, value?.UtcTicks ?? 0);
    }

    public Task Playout { get; set; } = Task.CompletedTask;

    public CancellationToken HangUpToken => _hangUp.Token;

    /// <summary>Ended by <c>POST /_sim/reset</c>: its play-out stops and posts nothing more.</summary>
    public bool Discarded => _discarded;

    public bool IsOver => Volatile.Read(ref _over) == 1;

    public void HangUp() => _hangUp.Cancel();

    public void Discard()
    {
        _discarded = true;
        _hangUp.Cancel();
    }

    /// <returns>True the first time only, so a call is counted over once whether it finished or was discarded.</returns>
    public bool MarkOver() => Interlocked.Exchange(ref _over, 1) == 0;

    private static DateTimeOffset? Read(ref long utcTicks) =>
        Volatile.Read(ref utcTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}

using System.Collections.Concurrent;

namespace MassCampaign.Simulator;

/// <summary>Lock-free counters for the hot path; read as a <see cref="SimulatorStats"/> snapshot.</summary>
internal sealed class SimulatorCounters
{
    private readonly ConcurrentDictionary<string, long> _smsByRecipient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _requestsByRecipient = new(StringComparer.Ordinal);
    private long _totalSms;
    private long _totalRequests;
    private long _totalParts;
    private long _throttled;
    private long _rejected;
    private long _http500Answered;
    private long _heldAnswers;
    private long _accountErrors;
    private long _dlrsQueued;
    private long _dlrsDelivered;
    private long _dlrsFailed;
    private long _dlrsRetried;
    private long _inboundSent;

    public void Request() => Interlocked.Increment(ref _totalRequests);

    /// <summary>A readable request for one recipient, whatever its answer will be.</summary>
    public void RequestFor(string e164Recipient) => _requestsByRecipient.AddOrUpdate(e164Recipient, 1, static (_, count) => count + 1);

    public void Accepted(string e164Recipient, int parts)
    {
        Interlocked.Increment(ref _totalSms);
        Interlocked.Add(ref _totalParts, parts);
        _smsByRecipient.AddOrUpdate(e164Recipient, 1, static (_, count) => count + 1);
    }

    public void Throttled() => Interlocked.Increment(ref _throttled);

    public void Rejected() => Interlocked.Increment(ref _rejected);

    public void Http500Answered() => Interlocked.Increment(ref _http500Answered);

    public void HeldAnswer() => Interlocked.Increment(ref _heldAnswers);

    public void AccountError() => Interlocked.Increment(ref _accountErrors);

    public void DlrQueued() => Interlocked.Increment(ref _dlrsQueued);

    public void DlrDelivered() => Interlocked.Increment(ref _dlrsDelivered);

    public void DlrFailed() => Interlocked.Increment(ref _dlrsFailed);

    public void DlrRetried() => Interlocked.Increment(ref _dlrsRetried);

    public void InboundSent() => Interlocked.Increment(ref _inboundSent);

    public SimulatorStats Snapshot() => new(
        Interlocked.Read(ref _totalSms),
        new Dictionary<string, long>(_smsByRecipient, StringComparer.Ordinal),
        0,
        new Dictionary<string, long>(),
        Interlocked.Read(ref _totalRequests),
        Interlocked.Read(ref _totalParts),
        Interlocked.Read(ref _throttled),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _http500Answered),
        Interlocked.Read(ref _heldAnswers),
        Interlocked.Read(ref _dlrsQueued),
        Interlocked.Read(ref _dlrsDelivered),
        Interlocked.Read(ref _dlrsFailed),
        Interlocked.Read(ref _inboundSent),
        Interlocked.Read(ref _dlrsRetried),
        Interlocked.Read(ref _accountErrors),
        new Dictionary<string, long>(_requestsByRecipient, StringComparer.Ordinal));

    public void Reset()
    {
        _smsByRecipient.Clear();
        _requestsByRecipient.Clear();
        Interlocked.Exchange(ref _totalSms, 0);
        Interlocked.Exchange(ref _totalRequests, 0);
        Interlocked.Exchange(ref _totalParts, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _rejected, 0);
        Interlocked.Exchange(ref _http500Answered, 0);
        Interlocked.Exchange(ref _heldAnswers, 0);
        Interlocked.Exchange(ref _accountErrors, 0);
        Interlocked.Exchange(ref _dlrsQueued, 0);
        Interlocked.Exchange(ref _dlrsDelivered, 0);
        Interlocked.Exchange(ref _dlrsFailed, 0);
        Interlocked.Exchange(ref _inboundSent, 0);
        Interlocked.Exchange(ref _dlrsRetried, 0);
    }
}

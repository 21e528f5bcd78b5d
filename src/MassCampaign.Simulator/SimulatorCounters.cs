using System.Collections.Concurrent;

namespace MassCampaign.Simulator;

/// <summary>Lock-free counters for the hot path; read as a <see cref="SimulatorStats"/> snapshot.</summary>
internal sealed class SimulatorCounters
{
    private readonly ConcurrentDictionary<string, long> _smsByRecipient = new(StringComparer.Ordinal);
    private long _totalSms;
    private long _totalRequests;
    private long _totalParts;
    private long _throttled;
    private long _rejected;
    private long _serverErrors;
    private long _heldForTimeout;
    private long _dlrsQueued;
    private long _dlrsDelivered;
    private long _dlrsFailed;
    private long _dlrsRetried;
    private long _inboundSent;

    public void Request() => Interlocked.Increment(ref _totalRequests);

    public void Accepted(string e164Recipient, int parts)
    {
        Interlocked.Increment(ref _totalSms);
        Interlocked.Add(ref _totalParts, parts);
        _smsByRecipient.AddOrUpdate(e164Recipient, 1, static (_, count) => count + 1);
    }

    public void Throttled() => Interlocked.Increment(ref _throttled);

    public void Rejected() => Interlocked.Increment(ref _rejected);

    public void ServerError() => Interlocked.Increment(ref _serverErrors);

    public void HeldForTimeout() => Interlocked.Increment(ref _heldForTimeout);

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
        Interlocked.Read(ref _serverErrors),
        Interlocked.Read(ref _heldForTimeout),
        Interlocked.Read(ref _dlrsQueued),
        Interlocked.Read(ref _dlrsDelivered),
        Interlocked.Read(ref _dlrsFailed),
        Interlocked.Read(ref _inboundSent),
        Interlocked.Read(ref _dlrsRetried));

    public void Reset()
    {
        _smsByRecipient.Clear();
        Interlocked.Exchange(ref _totalSms, 0);
        Interlocked.Exchange(ref _totalRequests, 0);
        Interlocked.Exchange(ref _totalParts, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _rejected, 0);
        Interlocked.Exchange(ref _serverErrors, 0);
        Interlocked.Exchange(ref _heldForTimeout, 0);
        Interlocked.Exchange(ref _dlrsQueued, 0);
        Interlocked.Exchange(ref _dlrsDelivered, 0);
        Interlocked.Exchange(ref _dlrsFailed, 0);
        Interlocked.Exchange(ref _inboundSent, 0);
        Interlocked.Exchange(ref _dlrsRetried, 0);
    }
}

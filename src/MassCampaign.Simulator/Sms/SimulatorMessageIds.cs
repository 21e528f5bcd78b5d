namespace MassCampaign.Simulator.Sms;

/// <summary>16 hex characters like Vonage's ids: a random per-instance prefix and a counter, so ids never repeat.</summary>
internal sealed class SimulatorMessageIds
{
    private readonly uint _prefix = (uint)Random.Shared.NextInt64(0, uint.MaxValue);
    private long _next;

    public string Next() => $"{_prefix:X8}{(uint)Interlocked.Increment(ref _next):X8}";
}

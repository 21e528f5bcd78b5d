namespace MassCampaign.Simulator.Sms;

/// <summary>A pretend account balance in units of 10⁻⁸, so charging is one Interlocked add.</summary>
internal sealed class AccountBalance
{
    private const decimal Scale = 100_000_000m;
    private const long Opening = 1_000_000 * (long)Scale;

    private long _units = Opening;

    public decimal Charge(decimal price) => Interlocked.Add(ref _units, -(long)(price * Scale)) / Scale;

    public void Reset() => Interlocked.Exchange(ref _units, Opening);
}

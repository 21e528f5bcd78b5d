namespace MassCampaign.Data.Sending;

/// <summary>What recovery found of sends cut off: claimed but never handed over (released), or possibly sent (unknown).</summary>
public sealed record InterruptedSends(int Released, int Unknown)
{
    public int Total => Released + Unknown;
}

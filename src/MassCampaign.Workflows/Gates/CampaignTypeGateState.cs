namespace MassCampaign.Workflows.Gates;

/// <summary>Persisted gate: who holds a slot and who waits, so a restart neither forgets a holder nor reorders the queue.</summary>
public sealed class CampaignTypeGateState
{
    public int Limit { get; set; }

    public List<Guid> Holders { get; set; } = [];

    public List<Guid> Waiters { get; set; } = [];
}

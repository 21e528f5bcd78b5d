using MassCampaign.Workflows.Gates;

namespace MassCampaign.Host.Apis;

/// <summary>One type gate's utilisation, as GET /api/campaign-types lists it.</summary>
/// <param name="Type">The gate: sms, or voice (which hybrid campaigns share, since they place calls).</param>
/// <param name="Limit">How many campaigns of the type may run at once.</param>
/// <param name="Active">Campaigns holding a slot, in the order they were granted one.</param>
/// <param name="Queued">Campaigns waiting for a slot, next to be granted first.</param>
public sealed record CampaignTypeUsage(string Type, int Limit, IReadOnlyList<Guid> Active, IReadOnlyList<Guid> Queued)
{
    public static CampaignTypeUsage Of(string type, GateSnapshot gate) => new(type, gate.Limit, gate.Holders, gate.Waiters);
}

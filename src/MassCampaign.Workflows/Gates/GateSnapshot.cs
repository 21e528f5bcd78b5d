namespace MassCampaign.Workflows.Gates;

/// <summary>What a gate holds right now, waiters in the order they will be granted.</summary>
[GenerateSerializer, Immutable]
public sealed record GateSnapshot(
    [property: Id(0)] int Limit,
    [property: Id(1)] IReadOnlyList<Guid> Holders,
    [property: Id(2)] IReadOnlyList<Guid> Waiters);

namespace MassCampaign.Simulator.Voice;

/// <summary>Created calls per outcome, as <c>callOutcomes</c> in <c>GET /_sim/stats</c>.</summary>
public sealed record CallOutcomeCounts(long Human, long Machine, long Busy, long NoAnswer, long Failed);

namespace MassCampaign.Domain.Telemetry;

/// <summary>One campaign type's gate: its limit, campaigns holding a slot, campaigns waiting.</summary>
public sealed record TypeGateReading(string Type, int Limit, int Active, int Queued);

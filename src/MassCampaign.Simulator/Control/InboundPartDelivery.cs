namespace MassCampaign.Simulator.Control;

public sealed record InboundPartDelivery(int? HttpStatus, IReadOnlyDictionary<string, string> Fields);

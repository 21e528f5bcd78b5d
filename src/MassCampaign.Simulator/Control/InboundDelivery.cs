namespace MassCampaign.Simulator.Control;

/// <summary>What <c>POST /_sim/inbound</c> sent: one webhook per part, with the status the host answered (null: no answer).</summary>
public sealed record InboundDelivery(string Url, IReadOnlyList<InboundPartDelivery> Parts);

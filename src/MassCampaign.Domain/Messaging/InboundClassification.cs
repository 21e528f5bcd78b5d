namespace MassCampaign.Domain.Messaging;

/// <summary>
/// The intent of an inbound SMS and the canonical upper-case keyword that triggered it
/// (<c>STOP</c> for "stop!"), or no keyword for a <see cref="InboundIntent.Reply"/>.
/// </summary>
public sealed record InboundClassification(InboundIntent Intent, string? Keyword);

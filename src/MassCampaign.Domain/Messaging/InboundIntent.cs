namespace MassCampaign.Domain.Messaging;

/// <summary>What an inbound SMS asks for; anything that is not exactly a keyword is a <see cref="Reply"/>.</summary>
public enum InboundIntent
{
    OptOut,
    OptIn,
    Help,
    Reply,
}

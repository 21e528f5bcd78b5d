namespace MassCampaign.Data.Inbound;

/// <summary>Where a piece of a long message belongs: pieces share <paramref name="ConcatRef"/>; <paramref name="Number"/> counts from 1.</summary>
public sealed record InboundPart(string ConcatRef, int Total, int Number);

namespace MassCampaign.Data.Inbound;

/// <summary>What storing one inbound webhook did.</summary>
public sealed record InboundOutcome(InboundOutcomeKind Kind, IReadOnlyList<RecordedReply> Replies)
{
    public static InboundOutcome Duplicate { get; } = new(InboundOutcomeKind.Duplicate, []);

    public static InboundOutcome Waiting { get; } = new(InboundOutcomeKind.PartWaiting, []);

    /// <summary>True when an answer (confirmation, help text) was queued for sending.</summary>
    public bool QueuedAnswer => Replies.Any(r => r.QueuedAnswer);
}

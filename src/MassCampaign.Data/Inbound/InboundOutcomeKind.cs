namespace MassCampaign.Data.Inbound;

/// <summary>What storing one inbound webhook came to.</summary>
public enum InboundOutcomeKind
{
    /// <summary>A whole message was stored (and its keyword acted on).</summary>
    Recorded,

    /// <summary>Vonage retried a message or part already stored: nothing more was done.</summary>
    Duplicate,

    /// <summary>A part of a long message was stored; the rest has not arrived yet.</summary>
    PartWaiting,
}

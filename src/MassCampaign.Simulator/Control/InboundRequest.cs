namespace MassCampaign.Simulator.Control;

/// <summary>
/// The body of <c>POST /_sim/inbound</c>: a handset <paramref name="From"/> texting our number <paramref name="To"/>.
/// <paramref name="Url"/> overrides the configured inbound URL for this one message.
/// </summary>
public sealed record InboundRequest(string From, string To, string Text, string? Url = null);

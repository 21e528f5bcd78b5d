namespace MassCampaign.Vonage.Webhooks;

/// <summary>Where one part of a long inbound SMS belongs: parts share <see cref="Reference"/>; <see cref="Part"/> counts from 1.</summary>
public sealed record InboundSmsConcat(string Reference, int Total, int Part);

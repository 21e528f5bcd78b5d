namespace MassCampaign.Data.Inbound;

/// <summary>
/// One inbound SMS webhook as the store needs it. <paramref name="Phone"/> is the sender in E.164 when
/// <paramref name="PhoneIsE164"/>, else as Vonage sent it (a short code or an alphanumeric id);
/// <paramref name="To"/> is our number that was texted; <paramref name="Part"/> is set for a piece of a long message.
/// </summary>
public sealed record InboundMessage(
    string ProviderMessageId,
    string Phone,
    bool PhoneIsE164,
    string To,
    string Text,
    DateTimeOffset ReceivedAt,
    InboundPart? Part = null);

namespace MassCampaign.Domain.Messaging;

/// <summary>
/// What an SMS body costs on the wire. <see cref="Units"/> are septets for GSM-7 (an extension
/// character counts 2) and UTF-16 code units for UCS-2 (an emoji outside the BMP counts 2).
/// </summary>
public sealed record SmsTextInfo(SmsEncoding Encoding, int Units, int Segments);

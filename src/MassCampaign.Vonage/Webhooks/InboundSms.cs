namespace MassCampaign.Vonage.Webhooks;

/// <summary>
/// One inbound SMS webhook in SMS API format (VONAGE.md §3.2). <see cref="From"/> is the end user (<c>msisdn</c>),
/// <see cref="To"/> our virtual number. A long message arrives as several of these, each with <see cref="Concat"/>.
/// </summary>
public sealed record InboundSms(
    string MessageId,
    string From,
    string To,
    string Text,
    string Type,
    string? Keyword,
    InboundSmsConcat? Concat,
    string? ApiKey,
    DateTimeOffset? MessageTimestamp,
    long? Timestamp,
    string? Nonce,
    string? Data,
    string? Udh);

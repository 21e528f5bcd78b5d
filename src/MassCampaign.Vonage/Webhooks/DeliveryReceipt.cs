namespace MassCampaign.Vonage.Webhooks;

/// <summary>
/// One SMS API delivery receipt; a long SMS gets one per part (VONAGE.md §2.2). Note the wire names:
/// <c>msisdn</c> is the <see cref="Recipient"/> and <c>to</c> is the <see cref="Sender"/> id the SMS went from.
/// </summary>
public sealed record DeliveryReceipt(
    string MessageId,
    string Recipient,
    DeliveryReceiptStatus Status,
    string StatusText,
    int? ErrorCode,
    string? Sender,
    string? ClientRef,
    string? NetworkCode,
    decimal? Price,
    string? Scts,
    string? ApiKey,
    DateTimeOffset? MessageTimestamp,
    long? Timestamp,
    string? Nonce)
{
    /// <summary>Delivered, expired, failed and rejected are final; the others may be followed by another receipt.</summary>
    public bool IsFinal => Status is DeliveryReceiptStatus.Delivered or DeliveryReceiptStatus.Expired
        or DeliveryReceiptStatus.Failed or DeliveryReceiptStatus.Rejected;
}

namespace MassCampaign.Data.Receipts;

/// <summary>
/// One delivery receipt as it is stored: the part's provider id, the echoed client reference, the status in lower
/// case, Vonage's err-code, the price and the whole webhook payload as JSON.
/// </summary>
public sealed record ReceiptRecord(
    string ProviderMessageId,
    string? ClientRef,
    string Status,
    string? ErrorCode,
    decimal? Price,
    string? Msisdn,
    string PayloadJson);

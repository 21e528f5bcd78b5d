using System.Text.Json;
using MassCampaign.Data.Receipts;
using MassCampaign.Vonage.Webhooks;

namespace MassCampaign.Host.Webhooks;

/// <summary>Maps a parsed receipt and its raw fields to the row stored for it.</summary>
public static class ReceiptRecords
{
    public static ReceiptRecord From(DeliveryReceipt receipt, IReadOnlyDictionary<string, string> fields) => new(
        receipt.MessageId,
        receipt.ClientRef,
        // Unknown or new status words are stored as 'unknown'; the payload keeps Vonage's own text.
        receipt.Status.ToString().ToLowerInvariant(),
        // Vonage's err-code as sent, even when it is not a number.
        fields.TryGetValue("err-code", out var errorCode) && !string.IsNullOrWhiteSpace(errorCode) ? errorCode.Trim() : null,
        receipt.Price,
        receipt.Recipient,
        JsonSerializer.Serialize(fields));
}
